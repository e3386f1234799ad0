package io.ttx.vouchers.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** A settlement batch's lines: per (issuer province, provider province) the count and the subsidies, and their total. */
public final class Settlement {
    private Settlement() { }

    /** One redemption in a batch. */
    public record Item(String issuerRegion, String providerRegion, long subsidy) {
        public Item {
            Objects.requireNonNull(issuerRegion, "issuerRegion");
            Objects.requireNonNull(providerRegion, "providerRegion");
        }
    }

    public record Line(String issuerRegion, String providerRegion, long count, long amount) { }

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
}
