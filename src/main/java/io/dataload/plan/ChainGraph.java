package io.dataload.plan;

import io.dataload.config.ChainRun;
import io.dataload.config.Command;
import io.dataload.config.Hook;
import io.dataload.config.Mode;
import io.dataload.config.Notification;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan may do, as a graph: each run (a file and an action) and its entries, in order or in
 * parallel, and where its handlers lead — OnSuccess, OnError and notification edges to commands,
 * notifications and chained runs. Built from the plan alone (nothing runs), written as Mermaid or DOT.
 * Texts are the files' templates, never resolved values, so no secret is in them.
 */
public record ChainGraph(List<Node> nodes, List<Edge> edges) {

    /** kind: run, entry, command or notification. */
    public record Node(String id, String label, String kind) {
    }

    public record Edge(String from, String to, String label) {
    }

    /** The graph of a plan and every run it may chain to; node ids start with {@code prefix}. */
    public static ChainGraph of(Plan plan, String prefix) {
        List<Node> nodes = new ArrayList<>();
        List<Edge> edges = new ArrayList<>();
        Map<Plan, String> runIds = new IdentityHashMap<>();
        List<Plan> plans = new ArrayList<>(plan.reachable());
        for (Plan each : plans) {
            String id = prefix + "r" + runIds.size();
            runIds.put(each, id);
            nodes.add(new Node(id, each.filePath() + " · " + each.action(), "run"));
        }
        int[] counter = {0};
        for (Plan each : plans) {
            String run = runIds.get(each);
            String previous = run;
            for (PlannedAction action : each.actions()) {
                String entry = run + "e" + counter[0]++;
                nodes.add(new Node(entry, action.name() + ": " + describe(action), "entry"));
                edges.add(new Edge(each.mode() == Mode.PARALLEL ? run : previous, entry, null));
                previous = each.mode() == Mode.PARALLEL ? run : entry;
                hooks(action.onSuccess().hooks(), entry, "OnSuccess", each, runIds, nodes, edges, counter, prefix);
                hooks(action.onError().answers(), entry, "OnError", each, runIds, nodes, edges, counter, prefix);
            }
            for (HookGroup group : each.afterSuccess()) {
                hooks(group.hooks(), run, group.label(), each, runIds, nodes, edges, counter, prefix);
            }
            hooks(each.onErrorNotification().hooks(), run, "OnErrorNotification", each, runIds, nodes, edges, counter,
                    prefix);
        }
        return new ChainGraph(List.copyOf(nodes), List.copyOf(edges));
    }

    private static String describe(PlannedAction action) {
        return switch (action.kind()) {
            case EXEC -> "shell " + action.scriptDisplay();
            case EXTRACT -> "extract " + action.scriptDisplay();
            case COPY -> "copy " + action.scriptDisplay();
            default -> action.scriptDisplay();
        };
    }

    private static void hooks(List<?> hooks, String from, String label, Plan plan, Map<Plan, String> runIds,
            List<Node> nodes, List<Edge> edges, int[] counter, String prefix) {
        for (Object hook : hooks) {
            if (hook instanceof ChainRun chain) {
                Plan target = plan.chains().get(chain);
                if (target != null) {
                    edges.add(new Edge(from, runIds.get(target), label));
                }
            } else if (hook instanceof Command command) {
                String id = prefix + "h" + counter[0]++;
                nodes.add(new Node(id, "$ " + shorten(command.text()), "command"));
                edges.add(new Edge(from, id, label));
            } else if (hook instanceof Notification notification) {
                String id = prefix + "h" + counter[0]++;
                nodes.add(new Node(id, notification.toString(), "notification"));
                edges.add(new Edge(from, id, label));
            } else if (hook instanceof Hook) {
                // no other kind of handler leads anywhere
            }
        }
    }

    private static String shorten(String text) {
        String line = text.replaceAll("\\s+", " ").strip();
        return line.length() <= 48 ? line : line.substring(0, 47) + "…";
    }

    /** Mermaid flowchart text (renders in GitHub and GitLab READMEs). */
    public String mermaid() {
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (Node node : nodes) {
            String label = node.label().replace("\"", "#quot;");
            out.append("  ").append(node.id()).append(switch (node.kind()) {
                case "run" -> "[[\"" + label + "\"]]";
                case "command" -> "[/\"" + label + "\"/]";
                case "notification" -> "([\"" + label + "\"])";
                default -> "[\"" + label + "\"]";
            }).append('\n');
        }
        for (Edge edge : edges) {
            out.append("  ").append(edge.from()).append(edge.label() == null ? " --> " : " -->|" + edge.label() + "| ")
                    .append(edge.to()).append('\n');
        }
        return out.toString();
    }

    /** Graphviz DOT text. */
    public String dot() {
        StringBuilder out = new StringBuilder("digraph dataload {\n  rankdir=TB;\n  node [fontname=\"Helvetica\"];\n");
        for (Node node : nodes) {
            out.append("  ").append(node.id()).append(" [label=\"").append(escape(node.label())).append("\", shape=")
                    .append(switch (node.kind()) {
                        case "run" -> "box, style=bold";
                        case "command" -> "parallelogram";
                        case "notification" -> "ellipse";
                        default -> "box";
                    }).append("];\n");
        }
        for (Edge edge : edges) {
            out.append("  ").append(edge.from()).append(" -> ").append(edge.to())
                    .append(edge.label() == null ? "" : " [label=\"" + escape(edge.label()) + "\"]").append(";\n");
        }
        return out.append("}\n").toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
