package app.cadence.support.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * The client's mirror of a UI's state tree, built from the {@code changes} of every UIDL message
 * in order (attach, detach, put, remove, splice, clear), as Flow's client does before it renders
 * the DOM. Queries walk the nodes reachable from the UI's root (node 1), so detached leftovers are
 * never found. Not thread-safe: {@link FlowUi} applies and reads it under its lock.
 *
 * <p>Grids whose cells are Lit templates send no nodes for their rows: the rows are data that the
 * grid's connector receives ({@code $connector.set}, {@code clear}, {@code updateSize},
 * {@code updateFlatData}, {@code reset}), and each template's properties in them carry its
 * namespace ({@code lr_…_title}). The tree keeps those rows too, as the browser's grid does, and
 * each template's return channel, through which the browser calls its functions.
 */
public final class StateTree {

    static final int ROOT = 1;

    private final Map<Integer, StateNode> nodes = new HashMap<>();
    /** Rows the grids' connectors hold: grid node → row index → item ({@code key} and the templates' properties). */
    private final Map<Integer, TreeMap<Integer, JsonNode>> gridRows = new HashMap<>();
    /** Lit templates by property namespace: the column they render and their return channel. */
    private final Map<String, LitTemplate> litTemplates = new HashMap<>();

    private record LitTemplate(int column, int channelNode, int channel) {
    }

    /** A grid row as a Lit template shows it: its key, and the template's properties for it. */
    public record LitRow(int grid, String key, String namespace, int channelNode, int channel, JsonNode item) {

        /** The template's property {@code name} for this row (null when it has none). */
        public String property(String name) {
            JsonNode value = item.get(namespace + name);
            return value == null || value.isNull() ? null : value.asString();
        }
    }

    public StateNode root() {
        return node(ROOT);
    }

    public StateNode node(int id) {
        return nodes.computeIfAbsent(id, StateNode::new);
    }

    /** The node with this id, or null when the server detached it (or never sent it). */
    public StateNode existing(int id) {
        return nodes.get(id);
    }

    /** Applies one message's {@code changes} array. */
    void apply(JsonNode changes) {
        for (JsonNode change : changes) {
            StateNode node = node(change.get("node").asInt());
            String type = change.get("type").asString();
            switch (type) {
                case "attach", "empty" -> {
                    // The node exists from now on (created on first mention); "empty" only declares a feature.
                }
                case "detach" -> {
                    nodes.remove(node.id());
                    gridRows.remove(node.id());
                }
                case "put" -> {
                    Object value = change.has("nodeValue") ? adopt(node, change.get("nodeValue").asInt()) : change.get("value");
                    node.map(change.get("feat").asInt()).put(change.get("key").asString(), value);
                }
                case "remove" -> node.map(change.get("feat").asInt()).remove(change.get("key").asString());
                case "clear" -> {
                    int feature = change.get("feat").asInt();
                    node.list(feature).clear();
                    node.map(feature).clear();
                }
                case "splice" -> splice(node, change);
                default -> throw new IllegalStateException("Unknown change type " + type + " in " + change);
            }
        }
    }

    private void splice(StateNode node, JsonNode change) {
        List<Object> list = node.list(change.get("feat").asInt());
        int index = change.get("index").asInt();
        int remove = change.has("remove") ? change.get("remove").asInt() : 0;
        for (int i = 0; i < remove && index < list.size(); i++) {
            list.remove(index);
        }
        List<Object> added = new ArrayList<>();
        if (change.has("addNodes")) {
            change.get("addNodes").forEach(id -> added.add(adopt(node, id.asInt())));
        } else if (change.has("add")) {
            change.get("add").forEach(added::add);
        }
        list.addAll(Math.min(index, list.size()), added);
    }

    private StateNode adopt(StateNode parent, int childId) {
        StateNode child = node(childId);
        child.parent = parent;
        return child;
    }

    /** Every node reachable from the root, parents before children. */
    public List<StateNode> attached() {
        List<StateNode> found = new ArrayList<>();
        Deque<StateNode> todo = new ArrayDeque<>();
        todo.push(root());
        while (!todo.isEmpty()) {
            StateNode n = todo.pop();
            if (!nodes.containsKey(n.id())) {
                continue;
            }
            found.add(n);
            List<StateNode> children = new ArrayList<>(n.children());
            for (int feature : new int[] {StateNode.PROPERTIES, 20 /* shadow root */}) {
                n.map(feature).values().stream().filter(v -> v instanceof StateNode).map(v -> (StateNode) v).forEach(children::add);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                todo.push(children.get(i));
            }
        }
        return found;
    }

    public List<StateNode> findAll(Predicate<StateNode> condition) {
        return attached().stream().filter(condition).toList();
    }

    public Optional<StateNode> find(Predicate<StateNode> condition) {
        return attached().stream().filter(condition).findFirst();
    }

    /**
     * A row of a grid on the screen whose Lit template has property {@code name} with a value that
     * passes {@code condition}; rows of grids or columns no longer attached are not found.
     */
    public Optional<LitRow> findLitRow(String name, Predicate<String> condition) {
        for (Map.Entry<Integer, TreeMap<Integer, JsonNode>> grid : gridRows.entrySet()) {
            if (!nodes.containsKey(grid.getKey())) {
                continue;
            }
            for (JsonNode item : grid.getValue().values()) {
                for (Map.Entry<String, LitTemplate> template : litTemplates.entrySet()) {
                    JsonNode value = item.get(template.getKey() + name);
                    if (value != null && !value.isNull() && nodes.containsKey(template.getValue().column())
                            && condition.test(value.asString())) {
                        LitTemplate t = template.getValue();
                        return Optional.of(new LitRow(grid.getKey(), item.get("key").asString(), template.getKey(), t.channelNode(), t.channel(), item));
                    }
                }
            }
        }
        return Optional.empty();
    }

    void litTemplate(String namespace, int column, int channelNode, int channel) {
        litTemplates.put(namespace, new LitTemplate(column, channelNode, channel));
    }

    /** {@code $connector.set(start, items)}: rows from {@code start} on. */
    void gridSet(int grid, int start, JsonNode items) {
        TreeMap<Integer, JsonNode> rows = gridRows.computeIfAbsent(grid, g -> new TreeMap<>());
        for (int i = 0; i < items.size(); i++) {
            rows.put(start + i, items.get(i));
        }
    }

    /** {@code $connector.clear(start, length)}: the browser drops those rows. */
    void gridClear(int grid, int start, int length) {
        TreeMap<Integer, JsonNode> rows = gridRows.get(grid);
        if (rows != null) {
            rows.subMap(start, start + length).clear();
        }
    }

    /** {@code $connector.updateSize(size)}: rows past the new size are gone. */
    void gridSize(int grid, int size) {
        TreeMap<Integer, JsonNode> rows = gridRows.get(grid);
        if (rows != null) {
            rows.tailMap(size).clear();
        }
    }

    /** {@code $connector.updateFlatData(items)}: rows replaced by key, where they are. */
    void gridUpdate(int grid, JsonNode items) {
        TreeMap<Integer, JsonNode> rows = gridRows.get(grid);
        if (rows == null) {
            return;
        }
        for (JsonNode item : items) {
            rows.replaceAll((index, row) -> row.path("key").equals(item.path("key")) ? item : row);
        }
    }

    /** {@code $connector.reset()}: the grid forgets its rows. */
    void gridReset(int grid) {
        gridRows.remove(grid);
    }

    // --- conditions for find / findAll ----------------------------------------------------------

    public static Predicate<StateNode> tag(String tag) {
        return n -> tag.equals(n.tag());
    }

    public static Predicate<StateNode> withClass(String className) {
        return n -> n.hasClass(className);
    }

    public static Predicate<StateNode> text(String text) {
        return n -> text.equals(n.text().strip());
    }

    public static Predicate<StateNode> attribute(String name, String value) {
        return n -> value.equals(n.attribute(name));
    }

    public static Predicate<StateNode> shown() {
        return StateNode::isShown;
    }
}
