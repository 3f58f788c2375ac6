package network.synod.operator.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The straightforward placement pass {@link Placer} replaced: every replica scans its pool's nodes. Kept as the
 * reference {@code PlacerEquivalenceTest} checks the indexed pass against, so the policy cannot drift while the pass
 * gets faster. Only difference from the original: a kept worker's message reads "placed on GpuPool ..." as in
 * {@link Placer}, which no longer rewrites a worker's status just to say it was kept.
 */
final class ScanPlacer {
    public static final String GPU = "nvidia.com/gpu";
    public static final String MIG_PREFIX = "nvidia.com/mig-";

    private final PlacementPolicy policy;

    ScanPlacer(PlacementPolicy policy) {
        this.policy = policy;
    }

    /** Places all demands over the given pools and nodes; the result maps worker key to its placement. */
    public Map<String, Placement> place(List<PoolOffer> offers, List<NodeCapacity> nodes, List<GpuDemand> demands) {
        Map<String, Slot> slots = new HashMap<>();
        for (NodeCapacity node : nodes) {
            slots.put(node.name(), new Slot(node.name(), new HashMap<>(node.free()), new ArrayList<>()));
        }
        Map<String, Pool> pools = new LinkedHashMap<>();
        for (PoolOffer offer : offers) {
            List<Slot> members = nodes.stream()
                    .filter(offer::selects)
                    .map(n -> slots.get(n.name()))
                    .toList();
            Pool pool = new Pool(offer, members);
            members.forEach(slot -> slot.owners().add(pool));
            pools.put(offer.name(), pool);
        }
        List<GpuDemand> ordered = new ArrayList<>(demands);
        // Workers that already hold a pool are charged first so newcomers cannot take their capacity.
        ordered.sort(
                Comparator.comparing((GpuDemand d) -> d.currentPool() == null).thenComparing(GpuDemand::worker));
        Map<String, Placement> result = new LinkedHashMap<>();
        for (GpuDemand demand : ordered) {
            result.put(demand.worker(), placeOne(demand, pools));
        }
        return result;
    }

    private Placement placeOne(GpuDemand demand, Map<String, Pool> pools) {
        if (demand.poolName() != null && !pools.containsKey(demand.poolName())) {
            return Placement.unscheduled(demand, "PoolNotFound", "GpuPool " + demand.poolName() + " does not exist");
        }
        List<Pool> allowed =
                pools.values().stream().filter(p -> permits(demand, p.offer)).toList();
        if (demand.cpuOnly()) {
            return placeCpuOnly(demand, allowed);
        }
        Map<Pool, Need> matching = new LinkedHashMap<>();
        for (Pool pool : allowed) {
            Need need = needFor(demand, pool.offer);
            if (need != null) {
                matching.put(pool, need);
            }
        }
        if (matching.isEmpty()) {
            return Placement.unscheduled(demand, "NoMatchingPool", "no GpuPool offers " + describe(demand));
        }
        int replicas = Math.max(1, demand.replicas());
        for (Map.Entry<Pool, Need> e : matching.entrySet()) {
            if (e.getKey().offer.name().equals(demand.currentPool())) {
                Pool pool = e.getKey();
                int fitted = pool.reserve(e.getValue(), replicas, policy);
                String note = fitted < replicas ? " (" + fitted + " of " + replicas + " replicas fit now)" : "";
                return placed(demand, pool, e.getValue(), "placed on GpuPool " + pool.offer.name() + note);
            }
        }
        Pool best = null;
        for (Map.Entry<Pool, Need> e : matching.entrySet()) {
            Pool pool = e.getKey();
            if (pool.fits(e.getValue(), replicas)
                    && better(pool, matching.get(pool), best, best == null ? null : matching.get(best))) {
                best = pool;
            }
        }
        if (best == null) {
            String names = matching.keySet().stream().map(p -> p.offer.name()).collect(Collectors.joining(", "));
            return Placement.unscheduled(
                    demand,
                    "InsufficientCapacity",
                    "no free capacity for " + replicas + " replica(s) of " + describe(demand) + " in GpuPool(s) "
                            + names);
        }
        best.reserve(matching.get(best), replicas, policy);
        return placed(demand, best, matching.get(best), "placed on GpuPool " + best.offer.name());
    }

    private static Placement placeCpuOnly(GpuDemand demand, List<Pool> allowed) {
        if (!demand.constrainsPool()) {
            return new Placement(
                    demand.worker(), true, null, null, 0, "CpuOnly", "CPU-only worker, no GPU pool needed");
        }
        return allowed.stream()
                .min(Comparator.comparingInt((Pool p) -> p.offer.cost()).thenComparing(p -> p.offer.name()))
                .map(p -> new Placement(
                        demand.worker(),
                        true,
                        p.offer.name(),
                        null,
                        0,
                        "CpuOnly",
                        "CPU-only worker on GpuPool " + p.offer.name()))
                .orElseGet(() -> Placement.unscheduled(demand, "PoolNotFound", "no GpuPool matches the pool selector"));
    }

    private static Placement placed(GpuDemand demand, Pool pool, Need need, String message) {
        return new Placement(demand.worker(), true, pool.offer.name(), need.resource, need.amount, "Placed", message);
    }

    /** Cheaper wins; at equal cost the policy decides by free capacity; the name breaks remaining ties. */
    private boolean better(Pool candidate, Need need, Pool best, Need bestNeed) {
        if (best == null) {
            return true;
        }
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

    /** A node's free capacity, mutated as the pass charges workers to it, and the pools it belongs to. */
    private record Slot(String name, Map<String, Long> free, List<Pool> owners) {
        long freeOf(String resource) {
            return free.getOrDefault(resource, 0L);
        }

        void take(String resource, long amount) {
            free.merge(resource, -amount, Long::sum);
            owners.forEach(pool -> pool.taken(resource, amount));
        }
    }

    /** A pool and the slots of its nodes. */
    private static final class Pool {
        final PoolOffer offer;
        final List<Slot> nodes;
        /** Free amount per resource over the pool's nodes, kept current so full pools are rejected in O(1). */
        private final Map<String, Long> totals = new HashMap<>();

        Pool(PoolOffer offer, List<Slot> nodes) {
            this.offer = offer;
            this.nodes = nodes;
        }

        long totalFree(String resource) {
            return totals.computeIfAbsent(resource, r -> {
                long sum = 0;
                for (Slot s : nodes) {
                    sum += s.freeOf(r);
                }
                return sum;
            });
        }

        void taken(String resource, long amount) {
            totals.computeIfPresent(resource, (r, total) -> total - amount);
        }

        /** Whether all replicas fit, each on a single node (a pod cannot span nodes). */
        boolean fits(Need need, int replicas) {
            if (need.amount <= 0) {
                return true;
            }
            if (totalFree(need.resource) < (long) need.amount * replicas) {
                return false;
            }
            long slotsAvailable = 0;
            for (Slot s : nodes) {
                slotsAvailable += s.freeOf(need.resource) / need.amount;
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
            for (int i = 0; i < replicas; i++) {
                Slot chosen = null;
                for (Slot s : nodes) {
                    long free = s.freeOf(need.resource);
                    if (free < need.amount) {
                        continue;
                    }
                    if (chosen == null
                            || (policy == PlacementPolicy.BIN_PACK
                                    ? free < chosen.freeOf(need.resource)
                                    : free > chosen.freeOf(need.resource))) {
                        chosen = s;
                    }
                }
                if (chosen == null) {
                    return i;
                }
                chosen.take(need.resource, need.amount);
            }
            return replicas;
        }
    }
}
