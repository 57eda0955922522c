package app.cadence.support.flow;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One open UI (a browser tab) of a {@link FlowClient}: its id, CSRF key and push id from the
 * {@code init} request, a {@link StateTree} kept up to date from every server message, whether it
 * answered an XHR or came over the push connection, applied in the server's {@code syncId} order
 * as Flow's client does.
 *
 * <p>What it sends is what Flow's client sends: UIDL messages ({@code csrfToken}, {@code rpc},
 * {@code syncId}, {@code clientId}) as XHR POSTs to {@code ?v-r=uidl&v-uiId=N}, one at a time
 * (what is invoked while one is in flight goes together in the next);
 * heartbeats to {@code ?v-r=heartbeat}. It runs no JavaScript, but answers the two kinds of script
 * the server waits for: a grid's {@code $connector.confirm(id)} (the grid connector calls
 * {@code $server.confirmUpdate(id)}) and a script whose result the server awaits
 * ({@code executeJs(…).then(…)}), answered with the literal the script returns
 * ({@code return 0} → {@code 0}) or null.
 *
 * <p>Thread-safe: the push connection's thread applies messages while a test thread sends or waits.
 */
public final class FlowUi implements AutoCloseable {

    /** A message the UI received: when (this machine's clock), and whether it came over the push connection. */
    public record Received(long atMillis, boolean pushed, JsonNode message) {
    }

    private static final Duration WAIT = Duration.ofSeconds(20);
    /** {@code …then($2,function(error){$3(…)})}: the server awaits the script's result on channel $2. */
    private static final Pattern AWAITED = Pattern.compile("\\)\\.then\\(\\$(\\d+)\\s*,");
    /** {@code executeJs}'s wrapper: {@code (async function() { … }).apply($n)}, where $n is the element ({@code this}). */
    private static final Pattern APPLIED_TO = Pattern.compile("\\}\\)\\.apply\\(\\$(\\d+)\\)");
    private static final Pattern RETURNS_LITERAL = Pattern.compile("^\\s*return\\s+(-?\\d+(?:\\.\\d+)?|true|false|null|\"[^\"]*\")\\s*;?\\s*$");

    private final FlowClient client;
    private final int uiId;
    private final String csrfToken;
    private final String pushId;
    private final StateTree tree = new StateTree();
    private final Map<String, JsonNode> constants = new HashMap<>();
    /** Guards the tree, the sync id and the messages that arrived early; waiters wait on it. */
    private final Object state = new Object();
    private final TreeMap<Integer, JsonNode> early = new TreeMap<>();
    private int lastSyncId = -1;
    private boolean expired;
    /** Flow's client sends one message at a time, numbered from 0; what is invoked meanwhile waits here. */
    private final List<Queued> queue = new ArrayList<>();
    private boolean inFlight;
    private int nextClientId;
    private final List<java.util.function.Consumer<Received>> observers = new CopyOnWriteArrayList<>();
    private volatile PushChannel push;
    /** Per thread: the wire time of the message that carried its last invocations. */
    private static final ThreadLocal<Long> LAST_ROUND_TRIP = ThreadLocal.withInitial(() -> 0L);

    private FlowUi(FlowClient client, int uiId, String csrfToken, String pushId) {
        this.client = client;
        this.uiId = uiId;
        this.csrfToken = csrfToken;
        this.pushId = pushId;
    }

    static FlowUi fromInit(FlowClient client, JsonNode init) {
        JsonNode config = init.get("appConfig");
        JsonNode uidl = config.get("uidl");
        FlowUi ui = new FlowUi(client, config.get("v-uiId").asInt(), uidl.get("Vaadin-Security-Key").asString(),
                uidl.path("Vaadin-Push-ID").asString(null));
        ui.receive(uidl, false);
        return ui;
    }

    public int uiId() {
        return uiId;
    }

    // --- reading the screen --------------------------------------------------------------------

    /** Reads the state tree under the UI's lock (the push thread may be changing it). */
    public <T> T read(Function<StateTree, T> reader) {
        synchronized (state) {
            return reader.apply(tree);
        }
    }

    /**
     * Waits until {@code probe} finds something in the tree (non-null, non-empty Optional) and
     * returns it; re-checked after every message the UI applies.
     */
    public <T> T await(String what, Function<StateTree, ?> probe) {
        return await(what, probe, WAIT);
    }

    @SuppressWarnings("unchecked")
    public <T> T await(String what, Function<StateTree, ?> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (state) {
            while (true) {
                Object found = probe.apply(tree);
                if (found instanceof Optional<?> optional) {
                    found = optional.orElse(null);
                }
                if (found != null && !Boolean.FALSE.equals(found)) {
                    return (T) found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || expired) {
                    throw new AssertionError("UI " + uiId + ": waited " + timeout.toMillis() + " ms for " + what
                            + (expired ? " (the session expired)" : ""));
                }
                try {
                    state.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Called with every message this UI applies, on the thread that received it. */
    public void onMessage(java.util.function.Consumer<Received> observer) {
        observers.add(observer);
    }

    // --- acting like the user ------------------------------------------------------------------

    /** Clicks an element: the {@code click} event with the event data its listener asked for. */
    public void click(StateNode element) {
        fire(element, "click", Map.of());
    }

    /**
     * The browser fires a DOM event on an element the server listens to: the properties that the
     * listener synchronises (given in {@code properties}) go first as property changes, then the
     * event with its data (defaults for a mouse or key event unless given in {@code properties}).
     */
    public void fire(StateNode element, String event, Map<String, Object> properties) {
        ObjectNode data = Uidl.object();
        ArrayNode rpcs = Uidl.array();
        JsonNode expressions = read(t -> {
            Object hash = element.map(StateNode.LISTENERS).get(event);
            return hash == null ? null : constants.get(StateNode.string(hash));
        });
        if (expressions == null) {
            throw new IllegalStateException("The server does not listen to " + event + " on " + element);
        }
        for (String expression : expressions.propertyNames()) {
            if (expression.startsWith("}")) {
                String property = expression.substring(1);
                if (properties.containsKey(property)) {
                    JsonNode value = Uidl.value(properties.get(property));
                    // The browser's element has the value now; the server will not send it back.
                    synchronized (state) {
                        element.map(StateNode.PROPERTIES).put(property, value);
                    }
                    rpcs.add(Uidl.propertySync(element.id(), property, value));
                }
            } else if (expressions.get(expression).isBoolean() && !expressions.get(expression).asBoolean()) {
                data.set(expression, Uidl.value(properties.containsKey(expression) ? properties.get(expression) : defaultEventData(expression)));
            } else {
                data.put(expression, true); // a filter (e.g. which key): the event passes it
            }
        }
        rpcs.add(Uidl.event(element.id(), event, data));
        send(rpcs);
    }

    /** Sets a property as the browser would after the user's input, and fires the event that synchronises it. */
    public void setProperty(StateNode element, String property, Object value) {
        String event = read(t -> element.map(StateNode.LISTENERS).entrySet().stream()
                .filter(e -> {
                    JsonNode expressions = constants.get(StateNode.string(e.getValue()));
                    return expressions != null && expressions.has("}" + property);
                }).map(Map.Entry::getKey).findFirst().orElse(null));
        if (event == null) {
            throw new IllegalStateException("The server does not synchronise " + property + " of " + element);
        }
        fire(element, event, Map.of(property, value));
    }

    /** The browser calls a function of a row's Lit template (an {@code @click=${fn}} in it) through the template's return channel. */
    public void callLit(StateTree.LitRow row, String function) {
        send(List.of(Uidl.channel(row.channelNode(), row.channel(), Uidl.value(function), Uidl.value(row.key()), Uidl.array())));
    }

    /** Calls an element's {@code $server.method(…)}, as its web component's connector does. */
    public void callServer(StateNode element, String method, Object... args) {
        send(List.of(Uidl.serverCall(element.id(), method, java.util.Arrays.stream(args).map(Uidl::value).toArray(JsonNode[]::new))));
    }

    /**
     * A UIDL message with no invocations, and its answer applied: what Flow's client sends when it
     * has nothing but its sync id to report. The server answers with what changed meanwhile
     * (usually nothing).
     */
    public void roundTrip() {
        send(List.of());
    }

    /**
     * Follows a router link inside this tab, as a click on {@code <a router-link href="…">} does:
     * the client router's navigation event, no page load; returns when the answer is applied.
     *
     * @param route the route without a leading slash, e.g. {@code projects/7}
     */
    public void navigateTo(String route) {
        String path = route.startsWith("/") ? route.substring(1) : route;
        int q = path.indexOf('?');
        navigate(q < 0 ? path : path.substring(0, q), q < 0 ? "" : path.substring(q + 1));
    }

    /** The client router's navigation to a route of this UI ({@code ui-navigate} on the root). */
    void navigate(String route, String query) {
        ObjectNode data = Uidl.object().put("route", route).put("query", query).put("appShellTitle", "").put("trigger", "");
        data.putNull("historyState");
        send(List.of(Uidl.event(StateTree.ROOT, "ui-navigate", data)));
    }

    /** Tells the server the tab is still open ({@code ?v-r=heartbeat}), as the client does every heartbeat interval. */
    public void heartbeat() {
        HttpResponse<String> answer = client.post("?v-r=heartbeat&v-uiId=" + uiId, "");
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Heartbeat of UI " + uiId + " answered " + answer.statusCode());
        }
    }

    /**
     * The wire time of the UIDL message that carried this thread's last invocations (a click, a
     * property change): from sending it to its answer's body arriving, in nanoseconds. Excludes
     * waiting for a message of the same UI still in flight, and applying the answer to the tree.
     */
    public static long lastRoundTripNanos() {
        return LAST_ROUND_TRIP.get();
    }

    // --- push ------------------------------------------------------------------------------------

    /** Opens the push connection (server to client over a WebSocket) and waits for Atmosphere's handshake. */
    public FlowUi openPush() {
        if (pushId == null) {
            throw new IllegalStateException("The server gave this UI no push id: push is off");
        }
        push = PushChannel.open(client.http(), pushAddress(), uiId, pushId, message -> {
            for (JsonNode m : Uidl.messages(message)) {
                receive(m, true);
            }
        });
        return this;
    }

    /**
     * Where Flow's client opens the push connection: {@code VAADIN/push} under the servlet's
     * push mapping from the UI's push configuration (node 1, feature 5), which is {@code /} when
     * Vaadin is mapped at the root.
     */
    private java.net.URI pushAddress() {
        String mapping = read(t -> StateNode.string(t.root().map(5).get("pushServletMapping")));
        if (mapping == null || mapping.isBlank() || mapping.equals("/")) {
            return client.base().resolve("VAADIN/push");
        }
        return client.base().resolve((mapping.startsWith("/") ? mapping.substring(1) : mapping) + (mapping.endsWith("/") ? "" : "/") + "VAADIN/push");
    }

    public boolean isPushOpen() {
        PushChannel p = push;
        return p != null && p.isOpen();
    }

    /** Why the push connection closed, if the server closed it or it failed. */
    public String pushClosedBecause() {
        PushChannel p = push;
        return p == null ? "never opened" : p.closedBecause();
    }

    @Override
    public void close() {
        PushChannel p = push;
        if (p != null) {
            p.close();
        }
    }

    // --- the wire ----------------------------------------------------------------------------

    /**
     * Sends invocations and waits until the answer that carried them is applied. As Flow's client
     * does: one message in flight at a time; invocations made meanwhile (a click, a script's
     * answer) wait in a queue and all go together in the next message.
     */
    void send(Iterable<? extends JsonNode> rpcs) {
        List<JsonNode> invocations = new ArrayList<>();
        rpcs.forEach(invocations::add);
        Queued queued = new Queued(invocations, new java.util.concurrent.CompletableFuture<>());
        boolean sender;
        synchronized (queue) {
            queue.add(queued);
            sender = !inFlight;
            inFlight = true;
        }
        if (sender) {
            // This thread sends until the queue is empty, on a thread of its own once its own invocations are answered.
            drain(queued);
        }
        try {
            LAST_ROUND_TRIP.set(queued.answered().join());
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private record Queued(List<JsonNode> rpcs, java.util.concurrent.CompletableFuture<Long> answered) {
    }

    private void drain(Queued mine) {
        while (true) {
            List<Queued> batch;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    inFlight = false;
                    return;
                }
                batch = new ArrayList<>(queue);
                queue.clear();
            }
            try {
                long wire = sendNow(batch.stream().flatMap(q -> q.rpcs().stream()).toList());
                batch.forEach(q -> q.answered().complete(wire));
            } catch (RuntimeException e) {
                batch.forEach(q -> q.answered().completeExceptionally(e));
            }
            if (batch.contains(mine)) {
                synchronized (queue) {
                    if (queue.isEmpty()) {
                        inFlight = false;
                        return;
                    }
                }
                Thread.ofVirtual().name("flow-ui-" + uiId + "-sender").start(() -> drain(null));
                return;
            }
        }
    }

    /** One UIDL message with these invocations; applies the answer. Returns its wire time in nanoseconds. */
    private long sendNow(List<JsonNode> rpcs) {
        ObjectNode body = Uidl.object().put("csrfToken", csrfToken);
        ArrayNode list = body.putArray("rpc");
        rpcs.forEach(list::add);
        synchronized (state) {
            body.put("syncId", lastSyncId);
        }
        body.put("clientId", nextClientId++);
        long sent = System.nanoTime();
        HttpResponse<String> answer = client.post("?v-r=uidl&v-uiId=" + uiId, body.toString());
        long wire = System.nanoTime() - sent;
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("UIDL request of UI " + uiId + " answered " + answer.statusCode() + ": " + answer.body());
        }
        int answeredUpTo = -1;
        for (JsonNode message : Uidl.messages(answer.body())) {
            receive(message, false);
            answeredUpTo = Math.max(answeredUpTo, message.path("syncId").asInt(-1));
        }
        awaitApplied(answeredUpTo);
        return wire;
    }

    /**
     * Waits until the server's message {@code syncId} is applied: an answer that overtook a pushed
     * message the server sent before it waits for that one, as Flow's client holds it back.
     */
    private void awaitApplied(int syncId) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        synchronized (state) {
            while (lastSyncId < syncId && !expired) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("UI " + uiId + ": the answer " + syncId + " waits for pushed messages that never came (applied up to "
                            + lastSyncId + ")");
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(state, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** Applies a server message in syncId order (keeping early ones), then answers what must be answered. */
    private void receive(JsonNode message, boolean pushed) {
        long at = System.currentTimeMillis();
        List<JsonNode> applied = new ArrayList<>();
        List<ObjectNode> answers = new ArrayList<>();
        synchronized (state) {
            if (message.path("meta").path("sessionExpired").asBoolean(false)) {
                expired = true;
                state.notifyAll();
                return;
            }
            int syncId = message.path("syncId").asInt(-1);
            if (syncId >= 0 && lastSyncId >= 0 && syncId <= lastSyncId) {
                return; // already applied (a resent message)
            }
            if (syncId > lastSyncId + 1 && lastSyncId >= 0) {
                early.put(syncId, message);
                return;
            }
            apply(message, answers);
            applied.add(message);
            while (!early.isEmpty() && early.firstKey() == lastSyncId + 1) {
                JsonNode next = early.pollFirstEntry().getValue();
                apply(next, answers);
                applied.add(next);
            }
            state.notifyAll();
        }
        for (JsonNode m : applied) {
            observers.forEach(o -> o.accept(new Received(at, pushed, m)));
        }
        if (!answers.isEmpty()) {
            // Not on the push thread, and after the lock: the answer is a request of its own.
            Thread.ofVirtual().name("flow-ui-" + uiId + "-answer").start(() -> send(answers));
        }
    }

    private void apply(JsonNode message, List<ObjectNode> answers) {
        if (message.has("syncId")) {
            lastSyncId = message.get("syncId").asInt();
        }
        if (message.has("constants")) {
            message.get("constants").properties().forEach(e -> constants.put(e.getKey(), e.getValue()));
        }
        if (message.has("changes")) {
            tree.apply(message.get("changes"));
        }
        if (message.has("execute")) {
            for (JsonNode invocation : message.get("execute")) {
                answer(invocation, answers);
            }
        }
    }

    /** An {@code execute} entry is [parameters…, script]; answers the scripts the server waits on. */
    private void answer(JsonNode invocation, List<ObjectNode> answers) {
        String script = invocation.get(invocation.size() - 1).asString();
        if (followGrid(invocation, script)) {
            return;
        }
        if (script.contains("$connector.confirm(")) {
            JsonNode grid = invocation.get(0);
            answers.add(Uidl.serverCall(grid.get("@v-node").asInt(), "confirmUpdate", invocation.get(1)));
            return;
        }
        Matcher awaited = AWAITED.matcher(script);
        if (awaited.find()) {
            JsonNode channel = invocation.get(Integer.parseInt(awaited.group(1))).get("@v-return");
            answers.add(Uidl.channel(channel.get(0).asInt(), channel.get(1).asInt(), resultOf(script)));
        }
    }

    /**
     * What the browser's grid connector and Lit renderer do with the scripts the server sends them:
     * the tree keeps the rows and templates. True when the script was one of those. Two forms
     * reach here: {@code callJsFunction}'s {@code return $0.$connector.set($1,$2)} (the element
     * first), and {@code executeJs}'s {@code (async function() { …this… }).apply($n)} (the element
     * last, the script's own parameters from $0).
     */
    private boolean followGrid(JsonNode invocation, String script) {
        Matcher applied = APPLIED_TO.matcher(script);
        JsonNode element = applied.find() ? invocation.get(Integer.parseInt(applied.group(1))) : invocation.get(0);
        if (element == null || element.get("@v-node") == null) {
            return false;
        }
        int node = element.get("@v-node").asInt();
        if (script.contains("window.Vaadin.setLitRenderer(")) {
            // setLitRenderer(this, $0 renderer name, $1 template, $2 return channel, $3 functions, $4 property namespace, $5 app id)
            JsonNode channel = invocation.get(2).get("@v-return");
            tree.litTemplate(invocation.get(4).asString(), node, channel.get(0).asInt(), channel.get(1).asInt());
        } else if (script.contains("$connector.set(")) {
            tree.gridSet(node, invocation.get(1).asInt(), invocation.get(2));
        } else if (script.contains("$connector.clear(")) {
            tree.gridClear(node, invocation.get(1).asInt(), invocation.get(2).asInt());
        } else if (script.contains("$connector.updateSize(")) {
            tree.gridSize(node, invocation.get(1).asInt());
        } else if (script.contains("$connector.updateFlatData(")) {
            tree.gridUpdate(node, invocation.get(1));
        } else if (script.contains("$connector.reset()")) {
            tree.gridReset(node);
        } else {
            return false;
        }
        return true;
    }

    /**
     * The value of {@code return <literal>} inside the awaited wrapper; for Flow's request of the
     * browser's details ({@code Page.retrieveExtendedClientDetails}), those of a desktop browser
     * with a 1920×1080 screen in London; otherwise null: no JavaScript runs here.
     */
    private static JsonNode resultOf(String script) {
        if (script.contains("Vaadin.Flow.getBrowserDetailsParameters()")) {
            return desktopBrowserDetails();
        }
        int start = script.indexOf("(async function(){");
        int end = script.indexOf("})()");
        if (start >= 0 && end > start) {
            Matcher literal = RETURNS_LITERAL.matcher(script.substring(start + "(async function(){".length(), end));
            if (literal.matches()) {
                return Uidl.JSON.readTree(literal.group(1));
            }
        }
        return Uidl.NODES.nullNode();
    }

    /** What {@code Vaadin.Flow.getBrowserDetailsParameters()} gives in a desktop browser (strings, as the browser sends them). */
    private static JsonNode desktopBrowserDetails() {
        ObjectNode details = Uidl.object();
        details.put("v-sw", "1920").put("v-sh", "1080").put("v-ww", "1920").put("v-wh", "960").put("v-bw", "1920").put("v-bh", "960")
                .put("v-tzo", "0").put("v-rtzo", "0").put("v-dstd", "0").put("v-dston", "false").put("v-tzid", "Europe/London")
                .put("v-curdate", String.valueOf(System.currentTimeMillis())).put("v-td", "false").put("v-pr", "1").put("v-np", "Win32");
        return details;
    }

    private static Object defaultEventData(String expression) {
        if (expression.endsWith("Key")) {
            return false; // event.shiftKey, event.ctrlKey …
        }
        if (expression.equals("event.detail")) {
            return 1; // one click
        }
        if (expression.startsWith("event.")) {
            return 0; // coordinates, button
        }
        return null;
    }
}
