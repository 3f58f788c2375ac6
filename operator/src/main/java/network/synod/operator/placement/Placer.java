package network.synod.operator.placement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One placement pass: assigns every worker a GpuPool that matches its GPU request and still has free capacity,
 * charging each choice against the nodes so later workers in the pass see what earlier ones took.
 * <p>
 * Policy: pools are tried cheapest first; among pools of equal cost {@link PlacementPolicy#BIN_PACK} takes the one
 * with the least free capacity that still fits, {@link PlacementPolicy#SPREAD} the one with the most. A worker
 * placed by an earlier pass keeps its pool while the pool still matches its request, so running workers are never
 * moved by a pass; those workers are charged first.
 * <p>
 * Cost of a pass: the pools a request may use are worked out once per distinct request shape, and each pool keeps
 * its nodes ordered by free amount per resource, so a replica is fitted in O(log nodes) rather than by scanning the
 * pool's nodes for every worker.
 */
public final class Placer {
    public static final String GPU = "nvidia.com/gpu";
    public static final String MIG_PREFIX = "nvidia.com/mig-";

    /** Workers that already hold a pool first, then by name: the order a pass charges them in. */
    private static final Comparator<GpuDemand> ORDER = (a, b) -> {
        boolean aNew = a.currentPool() == null;
        boolean bNew = b.currentPool() == null;
        if (aNew != bNew) {
            return aNew ? 1 : -1;
        }
        return a.worker().compareTo(b.worker());
    };

    private final PlacementPolicy policy;

    public Placer(PlacementPolicy policy) {
        this.policy = policy;
    }

    /** Places all demands over the given pools and nodes; the result maps worker key to its placement. */
    public Map<String, Placement> place(List<PoolOffer> offers, List<NodeCapacity> nodes, List<GpuDemand> demands) {
        Map<String, Slot> slots = new LinkedHashMap<>();
        for (NodeCapacity node : nodes) {
            slots.put(node.name(), new Slot(new HashMap<>(node.free())));
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (PoolOffer offer : offers) {
            List<Slot> members = new ArrayList<>();
            for (NodeCapacity node : nodes) {
                if (offer.selects(node)) {
                    members.add(slots.get(node.name()));
                }
            }
            pools.put(offer.name(), new Pool(offer, members));
        }
        List<GpuDemand> ordered = new ArrayList<>(demands);
        // Workers that already hold a pool are charged first so newcomers cannot take their capacity.
        ordered.sort(ORDER);
        Map<Shape, Options> options = new HashMap<>();
        Map<String, Placement> result = new LinkedHashMap<>(Math.max(16, demands.size() * 4 / 3 + 1));
        for (GpuDemand demand : ordered) {
            Shape shape = new Shape(demand);
            Options o = options.get(shape);
            if (o == null) {
                o = options(demand, pools);
                options.put(shape, o);
            }
            result.put(demand.worker(), placeOne(demand, o));
        }
        return result;
    }

    /** Which pools a request of this shape may use and what one replica needs on each; depends only on the shape. */
    private static Options options(GpuDemand demand, Map<String, Pool> pools) {
        if (demand.poolName() != null && !pools.containsKey(demand.poolName())) {
            return Options.fixed(false, null, "PoolNotFound", "GpuPool " + demand.poolName() + " does not exist");
        }
        List<Pool> allowed = new ArrayList<>();
        for (Pool pool : pools.values()) {
            if (permits(demand, pool.offer)) {
                allowed.add(pool);
            }
        }
        if (demand.cpuOnly()) {
            if (!demand.constrainsPool()) {
                return Options.fixed(true, null, "CpuOnly", "CPU-only worker, no GPU pool needed");
            }
            Pool cheapest = null;
            for (Pool p : allowed) {
                if (cheapest == null
                        || p.offer.cost() < cheapest.offer.cost()
                        || (p.offer.cost() == cheapest.offer.cost()
                                && p.offer.name().compareTo(cheapest.offer.name()) < 0)) {
                    cheapest = p;
                }
            }
            return cheapest == null
                    ? Options.fixed(false, null, "PoolNotFound", "no GpuPool matches the pool selector")
                    : Options.fixed(
                            true,
                            cheapest.offer.name(),
                            "CpuOnly",
                            "CPU-only worker on GpuPool " + cheapest.offer.name());
        }
        List<Pool> matching = new ArrayList<>();
        List<Need> needs = new ArrayList<>();
        for (Pool pool : allowed) {
            Need need = needFor(demand, pool.offer);
            if (need != null) {
                matching.add(pool);
                needs.add(need);
            }
        }
        if (matching.isEmpty()) {
            return Options.fixed(false, null, "NoMatchingPool", "no GpuPool offers " + describe(demand));
        }
        return new Options(null, matching.toArray(new Pool[0]), needs.toArray(new Need[0]));
    }

    private Placement placeOne(GpuDemand demand, Options options) {
        if (options.fixed != null) {
            Placement f = options.fixed;
            return new Placement(demand.worker(), f.scheduled(), f.pool(), null, 0, f.reason(), f.message());
        }
        Pool[] pools = options.pools;
        Need[] needs = options.needs;
        int replicas = Math.max(1, demand.replicas());
        if (demand.currentPool() != null) {
            for (int i = 0; i < pools.length; i++) {
                if (pools[i].offer.name().equals(demand.currentPool())) {
                    // Kept: a running worker is never moved; the message stays as it was when placed, so keeping a
                    // worker does not rewrite its status.
                    int fitted = pools[i].reserve(needs[i], replicas, policy);
                    String note = fitted < replicas ? " (" + fitted + " of " + replicas + " replicas fit now)" : "";
                    return placed(demand, pools[i], needs[i], pools[i].placedMessage + note);
                }
            }
        }
        int best = -1;
        for (int i = 0; i < pools.length; i++) {
            if (pools[i].fits(needs[i], replicas)
                    && (best < 0 || better(pools[i], needs[i], pools[best], needs[best]))) {
                best = i;
            }
        }
        if (best < 0) {
            StringBuilder names = new StringBuilder();
            for (Pool p : pools) {
                names.append(names.length() == 0 ? "" : ", ").append(p.offer.name());
            }
            return Placement.unscheduled(
                    demand,
                    "InsufficientCapacity",
                    "no free capacity for " + replicas + " replica(s) of " + describe(demand) + " in GpuPool(s) "
                            + names);
        }
        pools[best].reserve(needs[best], replicas, policy);
        return placed(demand, pools[best], needs[best], pools[best].placedMessage);
    }

    private static Placement placed(GpuDemand demand, Pool pool, Need need, String message) {
        return new Placement(demand.worker(), true, pool.offer.name(), need.resource, need.amount, "Placed", message);
    }

    /** Cheaper wins; at equal cost the policy decides by free capacity; the name breaks remaining ties. */
    private boolean better(Pool candidate, Need need, Pool best, Need bestNeed) {
        if (candidate.offer.cost() != best.offer.cost()) {
            return candidate.offer.cost() < best.offer.cost();
        }
        long free = candidate.totalFree(need.resource);
        long bestFree = best.totalFree(bestNeed.resource);
        if (free != bestFree) {
            return policy == PlacementPolicy.BIN_PACK ? free < bestFree : free > bestFree;
        }
        return candidate.offer.name().compareTo(best.offer.name()) < 0;
    }

    private static boolean permits(GpuDemand demand, PoolOffer offer) {
        if (demand.poolName() != null && !demand.poolName().equals(offer.name())) {
            return false;
        }
        Map<String, String> selector = demand.poolSelector();
        return selector == null || offer.labels().entrySet().containsAll(selector.entrySet());
    }

    /** The resource and amount one replica needs on this pool, or null when the pool cannot serve the request. */
    static Need needFor(GpuDemand demand, PoolOffer offer) {
        if (!offer.hasGpus() || !productMatches(demand.product(), offer.gpuProduct())) {
            return null;
        }
        String strategy = offer.migStrategy() == null ? "none" : offer.migStrategy();
        if (demand.migProfile() != null) {
            if (demand.minMemoryMiB() != null && migMemoryMiB(demand.migProfile()) < demand.minMemoryMiB()) {
                return null;
            }
            if ("mixed".equals(strategy)) {
                return new Need(MIG_PREFIX + demand.migProfile(), demand.gpuCount());
            }
            // With the single strategy MIG slices are advertised as nvidia.com/gpu and the product label names the
            // profile.
            boolean sameProfile = "single".equals(strategy)
                    && lower(offer.gpuProduct()).endsWith("mig-" + lower(demand.migProfile()));
            return sameProfile ? new Need(GPU, demand.gpuCount()) : null;
        }
        if ("single".equals(strategy) || !memoryMatches(demand.minMemoryMiB(), offer.gpuMemoryMiB())) {
            return null;
        }
        if (demand.fraction() != null) {
            // A time slice is 1/replicas of a GPU; it serves the request when it is at least the requested fraction.
            return offer.timeSlicingReplicas() * demand.fraction() <= 1.0 ? new Need(GPU, 1) : null;
        }
        // Whole GPUs are never taken from time-shared pools: a shared slice is not a whole GPU.
        return offer.timeSlicingReplicas() <= 1 ? new Need(GPU, demand.gpuCount()) : null;
    }

    /**
     * The wanted product must appear in the offered label as whole dash-separated parts, so H100 matches
     * NVIDIA-H100-80GB-HBM3 but A10 does not match NVIDIA-A100-SXM4-80GB.
     */
    static boolean productMatches(String wanted, String offered) {
        if (wanted == null || wanted.isBlank()) {
            return true;
        }
        String w = lower(wanted);
        String o = lower(offered);
        for (int i = o.indexOf(w); i >= 0; i = o.indexOf(w, i + 1)) {
            int end = i + w.length();
            boolean startsPart = i == 0 || o.charAt(i - 1) == '-';
            boolean endsPart = end == o.length() || o.charAt(end) == '-';
            if (startsPart && endsPart) {
                return true;
            }
        }
        return false;
    }

    private static boolean memoryMatches(Integer wanted, Integer offered) {
        return wanted == null || (offered != null && offered >= wanted);
    }

    /** Memory of a MIG profile such as 3g.40gb, in MiB. */
    static int migMemoryMiB(String profile) {
        String gb = profile.substring(profile.indexOf('.') + 1, profile.length() - 2);
        return Integer.parseInt(gb) * 1024;
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    private static String describe(GpuDemand d) {
        StringBuilder sb = new StringBuilder();
        if (d.migProfile() != null) {
            sb.append(d.gpuCount()).append(" x MIG ").append(d.migProfile());
        } else if (d.fraction() != null) {
            sb.append(d.fraction()).append(" of a GPU");
        } else {
            sb.append(d.gpuCount()).append(" GPU(s)");
        }
        if (d.product() != null) {
            sb.append(" ").append(d.product());
        }
        if (d.minMemoryMiB() != null) {
            sb.append(" with >= ").append(d.minMemoryMiB()).append(" MiB");
        }
        return sb.toString();
    }

    /** Resource and amount one replica needs. */
    record Need(String resource, int amount) {}

    /** The parts of a demand that decide which pools it may use (everything but the worker, replicas and pool held). */
    private static final class Shape {
        private final GpuDemand d;
        private final int hash;

        Shape(GpuDemand d) {
            this.d = d;
            int h = d.gpuCount();
            h = 31 * h + Objects.hashCode(d.product());
            h = 31 * h + Objects.hashCode(d.minMemoryMiB());
            h = 31 * h + Objects.hashCode(d.migProfile());
            h = 31 * h + Objects.hashCode(d.fraction());
            h = 31 * h + Objects.hashCode(d.poolName());
            this.hash = 31 * h + Objects.hashCode(d.poolSelector());
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (!(other instanceof Shape s) || s.hash != hash) {
                return false;
            }
            GpuDemand o = s.d;
            return d.gpuCount() == o.gpuCount()
                    && Objects.equals(d.product(), o.product())
                    && Objects.equals(d.minMemoryMiB(), o.minMemoryMiB())
                    && Objects.equals(d.migProfile(), o.migProfile())
                    && Objects.equals(d.fraction(), o.fraction())
                    && Objects.equals(d.poolName(), o.poolName())
                    && Objects.equals(d.poolSelector(), o.poolSelector());
        }
    }

    /**
     * For one request shape: either an outcome that does not depend on capacity ({@code fixed}: CPU-only, pool not
     * found, no matching pool), or the matching pools in offer order with what one replica needs on each.
     */
    private record Options(Placement fixed, Pool[] pools, Need[] needs) {
        static Options fixed(boolean scheduled, String pool, String reason, String message) {
            return new Options(new Placement(null, scheduled, pool, null, 0, reason, message), null, null);
        }
    }

    /** A node's free capacity, mutated as the pass charges workers to it, and the pools it belongs to. */
    private static final class Slot {
        final Map<String, Long> free;
        /** The pools this node belongs to and its position in each pool's node list. */
        final List<Pool> owners = new ArrayList<>(1);

        int[] positions = new int[0];

        Slot(Map<String, Long> free) {
            this.free = free;
        }

        void joined(Pool pool, int position) {
            owners.add(pool);
            positions = java.util.Arrays.copyOf(positions, owners.size());
            positions[owners.size() - 1] = position;
        }

        long freeOf(String resource) {
            Long f = free.get(resource);
            return f == null ? 0L : f;
        }

        void take(String resource, long amount) {
            long before = freeOf(resource);
            free.put(resource, before - amount);
            for (int i = 0; i < owners.size(); i++) {
                owners.get(i).taken(positions[i], resource, before, amount);
            }
        }
    }

    /**
     * One pool's nodes grouped by their free amount of one resource: for each amount, the set of node positions (in
     * the pool's node order) that have exactly that much free.
     */
    private static final class FreeIndex {
        final TreeMap<Long, BitSet> byFree = new TreeMap<>();
        long total;

        void add(long free, int position) {
            BitSet nodes = byFree.get(free);
            if (nodes == null) {
                nodes = new BitSet();
                byFree.put(free, nodes);
            }
            nodes.set(position);
        }

        void move(int position, long from, long to) {
            BitSet nodes = byFree.get(from);
            if (nodes != null) {
                nodes.clear(position);
                if (nodes.isEmpty()) {
                    byFree.remove(from);
                }
            }
            add(to, position);
        }
    }

    /** A pool, the slots of its nodes, and per resource those slots grouped by free amount. */
    private static final class Pool {
        final PoolOffer offer;
        final Slot[] nodes;
        final String placedMessage;
        /** Built on first use per resource and kept current as the pass charges nodes, so lookups are O(log n). */
        private final Map<String, FreeIndex> indexes = new HashMap<>(4);

        Pool(PoolOffer offer, List<Slot> members) {
            this.offer = offer;
            this.nodes = members.toArray(new Slot[0]);
            this.placedMessage = "placed on GpuPool " + offer.name();
            for (int i = 0; i < nodes.length; i++) {
                nodes[i].joined(this, i);
            }
        }

        private FreeIndex index(String resource) {
            FreeIndex index = indexes.get(resource);
            if (index == null) {
                index = new FreeIndex();
                for (int i = 0; i < nodes.length; i++) {
                    long f = nodes[i].freeOf(resource);
                    index.total += f;
                    index.add(f, i);
                }
                indexes.put(resource, index);
            }
            return index;
        }

        long totalFree(String resource) {
            return index(resource).total;
        }

        void taken(int position, String resource, long before, long amount) {
            FreeIndex index = indexes.get(resource);
            if (index != null) {
                index.total -= amount;
                index.move(position, before, before - amount);
            }
        }

        /** Whether all replicas fit, each on a single node (a pod cannot span nodes). */
        boolean fits(Need need, int replicas) {
            if (need.amount <= 0) {
                return true;
            }
            FreeIndex index = index(need.resource);
            if (index.total < (long) need.amount * replicas || index.byFree.isEmpty()) {
                return false;
            }
            if (replicas == 1) {
                return index.byFree.lastKey() >= need.amount;
            }
            long slotsAvailable = 0;
            for (Map.Entry<Long, BitSet> e : index.byFree.descendingMap().entrySet()) {
                if (e.getKey() < need.amount) {
                    return false;
                }
                slotsAvailable += (e.getKey() / need.amount) * e.getValue().cardinality();
                if (slotsAvailable >= replicas) {
                    return true;
                }
            }
            return false;
        }

        /** Charges up to {@code replicas} replicas to nodes chosen by the policy; returns how many fitted. */
        int reserve(Need need, int replicas, PlacementPolicy policy) {
            if (need.amount <= 0) {
                return replicas;
            }
            FreeIndex index = index(need.resource);
            for (int i = 0; i < replicas; i++) {
                // Bin-pack: the fullest node that still fits; spread: the emptiest. Ties go to the earlier node.
                Map.Entry<Long, BitSet> entry = policy == PlacementPolicy.BIN_PACK
                        ? index.byFree.ceilingEntry((long) need.amount)
                        : index.byFree.lastEntry();
                if (entry == null || entry.getKey() < need.amount) {
                    return i;
                }
                nodes[entry.getValue().nextSetBit(0)].take(need.resource, need.amount);
            }
            return replicas;
        }
    }
}
