package network.synod.core.yuma;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a case file (the format of shared/reference/yuma/cases.json) from its JSON tree, as any JSON library
 * gives it: {@link Map}, {@link List}, {@link Number}, {@link Boolean}, {@link String} and {@code null}. Core has
 * no JSON library; the caller parses the text and this checks and maps the tree, so the tests and
 * {@code synod yuma} read cases the same way. Every mistake is an {@link IllegalArgumentException} naming where
 * it is ({@code cases[3].steps[7].uid: …}).
 */
public final class YumaCaseFile {

    /** One epoch-level case: its parameters, starting state and ops. */
    public record YumaCase(String name, YumaParams params, SubnetState initialState, List<Step> steps) {

        /** The ops alone, in order. */
        public List<Op> ops() {
            return steps.stream().map(Step::op).toList();
        }
    }

    /** One op and the step's JSON object it came from (its {@code expect}, {@code stored}, notes). */
    public record Step(Op op, Map<String, Object> source) {}

    private YumaCaseFile() {}

    /** The epoch cases of the file's tree, in order. */
    public static List<YumaCase> read(Object tree) {
        Map<String, Object> root = object(tree, "the file");
        List<Object> cases = list(root.get("cases"), "cases");
        List<YumaCase> out = new ArrayList<>(cases.size());
        for (int c = 0; c < cases.size(); c++) {
            out.add(readCase(cases.get(c), "cases[" + c + "]"));
        }
        return out;
    }

    private static YumaCase readCase(Object tree, String where) {
        Map<String, Object> c = object(tree, where);
        String name = string(c.get("name"), where + ".name");
        Map<String, Object> network = object(c.get("network"), where + ".network");
        int n = (int) whole(network.get("n"), where + ".network.n", 0, 65535);
        long tempo = whole(network.get("tempo"), where + ".network.tempo", 0, 65535);
        YumaParams params = YumaParams.defaults(n, tempo);
        for (Map.Entry<String, Object> e : network.entrySet()) {
            if (!e.getKey().equals("n") && !e.getKey().equals("tempo")) {
                params = withParam(params, e.getKey(), e.getValue(), where + ".network." + e.getKey());
            }
        }
        SubnetState state =
                readState(object(c.get("initial_state"), where + ".initial_state"), n, where + ".initial_state");
        List<Object> steps = list(c.get("steps"), where + ".steps");
        List<Step> out = new ArrayList<>(steps.size());
        for (int k = 0; k < steps.size(); k++) {
            String at = where + ".steps[" + k + "]";
            Map<String, Object> step = object(steps.get(k), at);
            out.add(new Step(readOp(step, n, at), step));
        }
        return new YumaCase(name, params, state, List.copyOf(out));
    }

    private static SubnetState readState(Map<String, Object> s, int n, String where) {
        long[] stake = longs(s.get("stake"), n, where + ".stake");
        long[] lastUpdate = longs(s.get("last_update"), n, where + ".last_update");
        long[] registered = longs(s.get("block_at_registration"), n, where + ".block_at_registration");
        List<Object> permitList = vector(s.get("validator_permit"), n, where + ".validator_permit");
        boolean[] permit = new boolean[n];
        for (int i = 0; i < n; i++) {
            permit[i] = bool(permitList.get(i), where + ".validator_permit[" + i + "]");
        }
        List<List<Stored>> weights =
                s.containsKey("weights") ? matrix(s.get("weights"), n, where + ".weights") : List.of();
        List<List<Stored>> bonds = s.containsKey("bonds") ? matrix(s.get("bonds"), n, where + ".bonds") : List.of();
        return new SubnetState(n, stake, lastUpdate, registered, permit, weights, bonds);
    }

    private static Op readOp(Map<String, Object> step, int n, String where) {
        String op = string(step.get("op"), where + ".op");
        return switch (op) {
            case "set_weights" -> {
                List<Object> dests = list(step.get("dests"), where + ".dests");
                List<Object> values = list(step.get("values"), where + ".values");
                if (dests.size() != values.size()) {
                    throw new IllegalArgumentException(
                            where + ": " + dests.size() + " dests but " + values.size() + " values");
                }
                List<Integer> d = new ArrayList<>();
                List<Integer> v = new ArrayList<>();
                for (int k = 0; k < dests.size(); k++) {
                    d.add(uid(dests.get(k), n, where + ".dests[" + k + "]"));
                    v.add((int) whole(values.get(k), where + ".values[" + k + "]", 0, 65535));
                }
                yield new Op.SetWeights(block(step, where), uid(step.get("uid"), n, where + ".uid"), d, v);
            }
            case "set_weights_storage" ->
                new Op.SetWeightsStorage(
                        uid(step.get("uid"), n, where + ".uid"), row(step.get("row"), n, where + ".row"));
            case "replace_neuron" ->
                new Op.ReplaceNeuron(
                        block(step, where),
                        uid(step.get("uid"), n, where + ".uid"),
                        whole(step.get("stake"), where + ".stake", 0, Long.MAX_VALUE));
            case "reset_bonds_to" -> new Op.ResetBondsTo(uid(step.get("uid"), n, where + ".uid"));
            case "set_param" -> {
                String name = string(step.get("name"), where + ".name");
                Object value = step.get("value");
                // Checked now, so that a bad parameter is a mistake in the file rather than in the replay.
                withParam(YumaParams.defaults(n, 0), name, value, where);
                yield new Op.SetParam(
                        name,
                        value instanceof Number num
                                ? (Object) whole(num, where + ".value", Long.MIN_VALUE, Long.MAX_VALUE)
                                : value);
            }
            case "epoch" ->
                new Op.Epoch(
                        block(step, where),
                        step.containsKey("rao_emission")
                                ? whole(step.get("rao_emission"), where + ".rao_emission", 0, Long.MAX_VALUE)
                                : Op.Epoch.DEFAULT_RAO_EMISSION,
                        !step.containsKey("persist") || bool(step.get("persist"), where + ".persist"));
            default ->
                throw new IllegalArgumentException(where + ".op: unknown op '" + op + "' (known: set_weights, "
                        + "set_weights_storage, replace_neuron, reset_bonds_to, set_param, epoch)");
        };
    }

    private static YumaParams withParam(YumaParams params, String name, Object value, String where) {
        Object v = value instanceof Number num ? (Object) whole(num, where, Long.MIN_VALUE, Long.MAX_VALUE) : value;
        try {
            return params.with(name, v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static long block(Map<String, Object> step, String where) {
        return whole(step.get("block"), where + ".block", 0, Long.MAX_VALUE);
    }

    private static List<List<Stored>> matrix(Object tree, int n, String where) {
        List<Object> rows = vector(tree, n, where);
        List<List<Stored>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(row(rows.get(i), n, where + "[" + i + "]"));
        }
        return out;
    }

    private static List<Stored> row(Object tree, int n, String where) {
        List<Object> entries = list(tree, where);
        List<Stored> out = new ArrayList<>(entries.size());
        for (int k = 0; k < entries.size(); k++) {
            String at = where + "[" + k + "]";
            List<Object> pair = list(entries.get(k), at);
            if (pair.size() != 2) {
                throw new IllegalArgumentException(at + ": an entry is [uid, u16], got " + pair.size() + " values");
            }
            out.add(new Stored(uid(pair.get(0), n, at + "[0]"), (int) whole(pair.get(1), at + "[1]", 0, 65535)));
        }
        return out;
    }

    private static long[] longs(Object tree, int n, String where) {
        List<Object> values = vector(tree, n, where);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = whole(values.get(i), where + "[" + i + "]", 0, Long.MAX_VALUE);
        }
        return out;
    }

    /** A list of exactly {@code n} entries: one per uid. */
    private static List<Object> vector(Object tree, int n, String where) {
        List<Object> values = list(tree, where);
        if (values.size() != n) {
            throw new IllegalArgumentException(
                    where + ": " + values.size() + " entries, expected one per uid (n = " + n + ")");
        }
        return values;
    }

    private static int uid(Object tree, int n, String where) {
        long uid = whole(tree, where, 0, 65535);
        if (uid >= n) {
            throw new IllegalArgumentException(where + ": uid " + uid + " is not in 0.." + (n - 1));
        }
        return (int) uid;
    }

    private static long whole(Object tree, String where, long min, long max) {
        if (!(tree instanceof Integer || tree instanceof Long || tree instanceof Short || tree instanceof BigInteger)) {
            throw new IllegalArgumentException(where + ": expected a whole number, got " + describe(tree));
        }
        BigInteger v = tree instanceof BigInteger b ? b : BigInteger.valueOf(((Number) tree).longValue());
        if (v.compareTo(BigInteger.valueOf(min)) < 0 || v.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException(where + ": " + v + " is outside " + min + ".." + max);
        }
        return v.longValue();
    }

    private static boolean bool(Object tree, String where) {
        if (tree instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where + ": expected true or false, got " + describe(tree));
    }

    private static String string(Object tree, String where) {
        if (tree instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException(where + ": expected a string, got " + describe(tree));
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object tree, String where) {
        if (tree instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new IllegalArgumentException(where + ": expected a list, got " + describe(tree));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object tree, String where) {
        if (tree instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException(where + ": expected an object, got " + describe(tree));
    }

    private static String describe(Object tree) {
        if (tree == null) {
            return "nothing";
        }
        String text = String.valueOf(tree);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
