package xxgk.crawler.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a farm crawl's time above the politeness bound went, from the requests the farm saw: a slow start (hosts
 * asked late the first time), slow turns (a host asked later than its delay allowed, the excess of each interval
 * arrival to arrival over the delay) or a slow tail. The host that ended last accounts for the makespan: its start
 * plus its intervals plus its last answer.
 */
final class MakespanBreakdown {

    private final long[] firstArrivals;
    private final long[] secondArrivals;
    private final long[] lastEnds;
    private final long[] excess;
    private final long[] earlyExcess;
    private final long[] lateExcess;
    private final long lastHostStart;
    private final long lastHostExcess;
    private final int lastHostIntervals;

    /** The requests of a run whose hosts have delayMillis between two requests; times relative to the first arrival. */
    MakespanBreakdown(List<HostFarm.Request> seen, long delayMillis) {
        long t0 = seen.stream().mapToLong(HostFarm.Request::arrived).min().orElse(0);
        long end = seen.stream().mapToLong(HostFarm.Request::ended).max().orElse(0);
        long middle = t0 + (end - t0) / 5;
        Map<Integer, List<HostFarm.Request>> byHost = seen.stream().sorted(Comparator.comparingLong(HostFarm.Request::arrived))
                .collect(Collectors.groupingBy(HostFarm.Request::host, Collectors.toList()));
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        List<Long> all = new ArrayList<>();
        List<Long> early = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        List<HostFarm.Request> lastHost = null;
        long delay = delayMillis * 1_000_000;
        for (List<HostFarm.Request> host : byHost.values()) {
            first.add(host.get(0).arrived() - t0);
            if (host.size() > 1) {
                second.add(host.get(1).arrived() - t0);
            }
            long hostEnd = host.stream().mapToLong(HostFarm.Request::ended).max().orElseThrow();
            last.add(hostEnd - t0);
            if (lastHost == null || hostEnd > lastHost.stream().mapToLong(HostFarm.Request::ended).max().orElseThrow()) {
                lastHost = host;
            }
            for (int i = 1; i < host.size(); i++) {
                long over = host.get(i).arrived() - host.get(i - 1).arrived() - delay;
                all.add(over);
                (host.get(i).arrived() < middle ? early : late).add(over);
            }
        }
        this.firstArrivals = sorted(first);
        this.secondArrivals = sorted(second);
        this.lastEnds = sorted(last);
        this.excess = sorted(all);
        this.earlyExcess = sorted(early);
        this.lateExcess = sorted(late);
        long hostExcess = 0;
        for (int i = 1; lastHost != null && i < lastHost.size(); i++) {
            hostExcess += lastHost.get(i).arrived() - lastHost.get(i - 1).arrived() - delay;
        }
        this.lastHostStart = lastHost == null ? 0 : lastHost.get(0).arrived() - t0;
        this.lastHostExcess = hostExcess;
        this.lastHostIntervals = lastHost == null ? 0 : lastHost.size() - 1;
    }

    private static long[] sorted(List<Long> values) {
        long[] array = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(array);
        return array;
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.round(p * (sorted.length - 1)))] / 1e6;
    }

    private static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0) / 1e6;
    }

    /** Seconds from the first request: p50/p90/max of the values. */
    private static String spread(long[] sorted) {
        return String.format(Locale.ROOT, "%.2f/%.2f/%.2f s", percentile(sorted, 0.5) / 1000, percentile(sorted, 0.9) / 1000,
                percentile(sorted, 1) / 1000);
    }

    /** One line: the start, the turns and the tail, and the account of the host that ended last. */
    String line() {
        return String.format(Locale.ROOT, "where the time above the bound went (p50/p90/max): hosts' first request %s after the"
                        + " crawl's first, their second %s; hosts' last answer ended %s; excess of each interval over the delay"
                        + " mean %.0f ms, p50 %.0f, p90 %.0f, p99 %.0f, max %.0f (first fifth of the run mean %.0f ms, after %.0f ms);"
                        + " the host that ended last: first request at %.2f s, %d intervals %.1f s over the delay in all",
                spread(firstArrivals), spread(secondArrivals), spread(lastEnds), mean(excess), percentile(excess, 0.5),
                percentile(excess, 0.9), percentile(excess, 0.99), percentile(excess, 1), mean(earlyExcess), mean(lateExcess),
                lastHostStart / 1e9, lastHostIntervals, lastHostExcess / 1e9);
    }
}
