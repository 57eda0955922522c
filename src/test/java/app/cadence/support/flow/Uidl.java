package app.cadence.support.flow;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reading and writing Flow's JSON messages (UIDL): the wire format, nothing more. */
final class Uidl {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** What a UIDL response over HTTP starts with, so that it cannot be loaded as a script. */
    private static final String GUARD = "for(;;);";

    private Uidl() {
    }

    /** The server messages in a response body or a push message: one object, or an array of them, maybe guarded. */
    static List<JsonNode> messages(String body) {
        String json = body.strip();
        if (json.startsWith(GUARD)) {
            json = json.substring(GUARD.length());
        }
        JsonNode parsed = JSON.readTree(json);
        List<JsonNode> all = new ArrayList<>();
        if (parsed.isArray()) {
            parsed.forEach(all::add);
        } else {
            all.add(parsed);
        }
        return all;
    }

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static JsonNode value(Object value) {
        return value instanceof JsonNode json ? json : JSON.valueToTree(value);
    }

    // --- client-to-server invocations (JsonConstants.RPC_*) ---------------------------------

    /** A DOM event on an element, with the event data the server asked for. */
    static ObjectNode event(int node, String event, ObjectNode data) {
        ObjectNode rpc = object().put("type", "event").put("node", node).put("event", event);
        rpc.set("data", data);
        return rpc;
    }

    /** A property the browser changed and the server synchronises ({@code mSync}). */
    static ObjectNode propertySync(int node, String property, JsonNode value) {
        ObjectNode rpc = object().put("type", "mSync").put("node", node).put("feature", StateNode.PROPERTIES).put("property", property);
        rpc.set("value", value);
        return rpc;
    }

    /** A call of an element's {@code $server.method(…)} ({@code @ClientCallable}). */
    static ObjectNode serverCall(int node, String method, JsonNode... args) {
        ObjectNode rpc = object().put("type", "publishedEventHandler").put("node", node).put("templateEventMethodName", method);
        ArrayNode list = rpc.putArray("templateEventMethodArgs");
        for (JsonNode arg : args) {
            list.add(arg);
        }
        return rpc;
    }

    /** The answer to a return channel the server sent ({@code @v-return}): e.g. the result of {@code executeJs(…).then(…)}. */
    static ObjectNode channel(int node, int channel, JsonNode... args) {
        ObjectNode rpc = object().put("type", "channel").put("node", node).put("channel", channel);
        ArrayNode list = rpc.putArray("args");
        for (JsonNode arg : args) {
            list.add(arg);
        }
        return rpc;
    }
}
