package io.ttx.vouchers.domain;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A settlement batch's figures: per (issuer province, provider province) the count and the subsidies, their total, and
 * per peer platform of the voucher federation the net position (what it owes us, what we owe it).
 */
public final class Settlement {
    private Settlement() { }

    /** Who pays whom for a redemption across platforms; LOCAL when issuer and provider are both ours. */
    public enum Flow {
        LOCAL,
        /** A peer's agency redeemed our voucher: we owe the peer the subsidy. */
        WE_OWE,
        /** Our agency redeemed a peer's voucher: the peer owes us the subsidy. */
        OWES_US
    }

    /** One redemption in a batch; {@code peer} names the other platform unless LOCAL. */
    public record Item(String issuerRegion, String providerRegion, long subsidy, Flow flow, @Nullable String peer) {
        public Item {
            Objects.requireNonNull(issuerRegion, "issuerRegion");
            Objects.requireNonNull(providerRegion, "providerRegion");
            Objects.requireNonNull(flow, "flow");
            if ((flow == Flow.LOCAL) != (peer == null)) throw new IllegalArgumentException("a peer names the other platform of a federated item only");
            if (subsidy < 0) throw new IllegalArgumentException("a subsidy is never negative");
        }

        public Item(String issuerRegion, String providerRegion, long subsidy) {
            this(issuerRegion, providerRegion, subsidy, Flow.LOCAL, null);
        }
    }

    public record Line(String issuerRegion, String providerRegion, long count, long amount) { }

    /** Our position towards one peer platform: net = owesUs - weOwe (positive: the peer pays us the difference). */
    public record Position(String peer, long owesUs, long weOwe) {
        public long net() {
            return Math.subtractExact(owesUs, weOwe);
        }
    }

    /** The lines, ordered by issuer then provider province. */
    public static List<Line> lines(List<Item> items) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Item i : items) {
            long[] s = sums.computeIfAbsent(i.issuerRegion() + "|" + i.providerRegion(), k -> new long[2]);
            s[0]++;
            s[1] = Math.addExact(s[1], i.subsidy());
        }
        List<Line> lines = new ArrayList<>();
        sums.forEach((k, s) -> lines.add(new Line(k.substring(0, k.indexOf('|')), k.substring(k.indexOf('|') + 1), s[0], s[1])));
        lines.sort(Comparator.comparing(Line::issuerRegion).thenComparing(Line::providerRegion));
        return lines;
    }

    public static long total(List<Line> lines) {
        long t = 0;
        for (Line l : lines) t = Math.addExact(t, l.amount());
        return t;
    }

    /** One position per peer platform with a federated item in the batch, ordered by the peer's name. */
    public static List<Position> positions(List<Item> items) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Item i : items) {
            if (i.flow() == Flow.LOCAL) continue;
            long[] s = sums.computeIfAbsent(i.peer(), k -> new long[2]);
            int slot = i.flow() == Flow.OWES_US ? 0 : 1;
            s[slot] = Math.addExact(s[slot], i.subsidy());
        }
        List<Position> positions = new ArrayList<>();
        sums.forEach((peer, s) -> positions.add(new Position(peer, s[0], s[1])));
        return positions;
    }
}
