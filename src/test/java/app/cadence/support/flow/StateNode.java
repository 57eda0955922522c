package app.cadence.support.flow;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The client's copy of one server-side state node: an element (tag, properties, attributes,
 * classes, children, event listeners) or a text node, as the UIDL {@code changes} built it.
 * Values are kept as Jackson nodes; values that point at other nodes are {@link StateNode}s.
 *
 * <p>Feature numbers are Flow's {@code NodeFeatures}; only those a test needs to read have a
 * method here, the others are kept in {@link #map(int)} and {@link #list(int)}.
 */
public final class StateNode {

    static final int ELEMENT_DATA = 0;
    static final int PROPERTIES = 1;
    static final int CHILDREN = 2;
    static final int ATTRIBUTES = 3;
    static final int LISTENERS = 4;
    static final int TEXT = 7;
    static final int CLASS_LIST = 11;
    static final int CLIENT_CALLABLE = 19;
    static final int VIRTUAL_CHILDREN = 24;

    private final int id;
    private final Map<Integer, Map<String, Object>> maps = new HashMap<>();
    private final Map<Integer, List<Object>> lists = new HashMap<>();
    StateNode parent;

    StateNode(int id) {
        this.id = id;
    }

    public int id() {
        return id;
    }

    /** A map feature's entries: JSON values, or {@link StateNode}s for node values. */
    public Map<String, Object> map(int feature) {
        return maps.computeIfAbsent(feature, f -> new LinkedHashMap<>());
    }

    /** A list feature's entries: JSON values (class names) or {@link StateNode}s (children). */
    public List<Object> list(int feature) {
        return lists.computeIfAbsent(feature, f -> new ArrayList<>());
    }

    public String tag() {
        return string(map(ELEMENT_DATA).get("tag"));
    }

    public boolean isText() {
        return maps.containsKey(TEXT);
    }

    /** False when the server hid the component ({@code setVisible(false)}). */
    public boolean isVisible() {
        Object visible = map(ELEMENT_DATA).get("visible");
        return !(visible instanceof JsonNode json && json.isBoolean() && !json.asBoolean());
    }

    /** Visible, and so are all its ancestors. */
    public boolean isShown() {
        for (StateNode n = this; n != null; n = n.parent) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    public String property(String name) {
        return string(map(PROPERTIES).get(name));
    }

    public String attribute(String name) {
        return string(map(ATTRIBUTES).get(name));
    }

    public List<String> classes() {
        return list(CLASS_LIST).stream().map(StateNode::string).filter(Objects::nonNull).toList();
    }

    public boolean hasClass(String name) {
        return classes().contains(name) || (attribute("class") != null && List.of(attribute("class").split("\\s+")).contains(name));
    }

    /** The element's children, then its virtual children (grid cells, overlays). */
    public List<StateNode> children() {
        List<StateNode> all = new ArrayList<>();
        for (int feature : new int[] {CHILDREN, VIRTUAL_CHILDREN}) {
            for (Object child : list(feature)) {
                if (child instanceof StateNode node) {
                    all.add(node);
                }
            }
        }
        return Collections.unmodifiableList(all);
    }

    /** The text of this node and its (non-virtual) descendants, as the DOM's textContent would read. */
    public String text() {
        if (isText()) {
            return Objects.toString(string(map(TEXT).get("text")), "");
        }
        String own = property("textContent");
        if (own != null) {
            return own;
        }
        return list(CHILDREN).stream().filter(c -> c instanceof StateNode).map(c -> ((StateNode) c).text()).collect(Collectors.joining());
    }

    /** The DOM events the server listens to on this element. */
    public java.util.Set<String> listenedEvents() {
        return map(LISTENERS).keySet();
    }

    /** The {@code @ClientCallable} methods ({@code $server.x()}) the element offers. */
    public List<String> clientCallables() {
        return list(CLIENT_CALLABLE).stream().map(StateNode::string).filter(Objects::nonNull).toList();
    }

    static String string(Object value) {
        if (value instanceof JsonNode json) {
            return json.isNull() ? null : json.isString() ? json.asString() : json.toString();
        }
        return value == null ? null : value.toString();
    }

    @Override
    public String toString() {
        String text = text();
        return "node " + id + " <" + (isText() ? "#text" : tag()) + (classes().isEmpty() ? "" : " class=" + classes()) + ">"
                + (text.isEmpty() ? "" : " “" + (text.length() > 60 ? text.substring(0, 60) + "…" : text) + "”");
    }
}
