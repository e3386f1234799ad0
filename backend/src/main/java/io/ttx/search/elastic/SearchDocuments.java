package io.ttx.search.elastic;

import io.ttx.catalogue.AchievementInput;
import io.ttx.catalogue.AchievementSnapshot;
import io.ttx.catalogue.DemandInput;
import io.ttx.catalogue.DemandSnapshot;
import io.ttx.catalogue.ListingSnapshot;
import io.ttx.catalogue.LocalizedText;
import io.ttx.catalogue.TransferMode;
import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** The search index's view of an achievement: public fields only (never contact, encumbrances or confidential text). */
public final class SearchDocuments {
    private SearchDocuments() { }

    public static Map<String, Object> of(AchievementSnapshot d, List<String> publicDocumentTexts) {
        AchievementInput c = d.content();
        Map<String, Object> m = headline(d, c.title(), c.summary(), c.keywords());
        m.put("body", join(Arrays.asList(c.problemSolved(), c.advantages(), c.technicalIndicators(), c.applications(), c.commercialAnalysis())));
        m.put("docText", String.join("\n", publicDocumentTexts));
        m.put("field", c.field().name());
        m.put("ipcCodes", c.ipcCodes());
        m.put("ipcSection", d.ipcSections());
        m.put("trl", c.trl());
        m.put("region", c.region());
        m.put("regionPath", regionPath(c.region()));
        List<TransferMode> modes = c.offer() == null || c.offer().transferModes() == null ? List.of() : c.offer().transferModes();
        m.put("transferMode", modes.stream().map(Enum::name).toList());
        if (c.offer() != null && c.offer().tradeMethod() != null) m.put("tradeMethod", c.offer().tradeMethod().name());
        if (d.askingPriceFen() != null) m.put("priceFen", d.askingPriceFen());
        if (d.priceHint() != null) {
            m.put("priceHint", Map.of("low", d.priceHint().low(), "high", d.priceHint().high(), "currency", d.priceHint().currency()));
        }
        m.put("publishedAt", String.valueOf(d.publishedAt()));
        m.put("expiresAt", String.valueOf(d.expiresAt()));
        m.put("version", d.version());
        return m;
    }

    /** The index's view of a technology demand: what it needs, budget, cooperation modes, region; never contacts. */
    public static Map<String, Object> of(DemandSnapshot d, List<String> publicDocumentTexts) {
        DemandInput c = d.content();
        Map<String, Object> m = headline(d, c.title(), c.summary(), c.keywords() == null ? List.of() : c.keywords());
        m.put("body", join(Arrays.asList(c.technicalIndicators(), c.problemToSolve(), c.currentBasis())));
        m.put("docText", String.join("\n", publicDocumentTexts));
        m.put("field", c.field().name());
        m.put("region", c.region());
        m.put("regionPath", regionPath(c.region()));
        m.put("cooperationMode", c.cooperationModes() == null ? List.of() : c.cooperationModes().stream().map(Enum::name).toList());
        if (d.budgetFen() != null) m.put("budgetFen", d.budgetFen());
        if (c.voucherEligible() != null) m.put("voucherEligible", c.voucherEligible());
        if (c.validUntil() != null) m.put("validUntil", c.validUntil().toString());
        m.put("publishedAt", String.valueOf(d.publishedAt()));
        m.put("expiresAt", String.valueOf(d.expiresAt()));
        m.put("version", d.version());
        return m;
    }

    /** The fields every kind of listing starts with. */
    private static Map<String, Object> headline(ListingSnapshot d, LocalizedText title, LocalizedText summary, @Nullable List<String> keywords) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("ownerOrg", d.ownerOrg());
        m.put("title", texts(title.zh(), title.en()));
        m.put("summary", texts(summary.zh(), summary.en()));
        m.put("keywords", keywords);
        return m;
    }

    /** A {@code {zh, en}} object of a search hit's source as the API's localized text. */
    static LocalizedText localized(Object o) {
        Map<?, ?> m = o instanceof Map<?, ?> map ? map : Map.of();
        return new LocalizedText((String) m.get("zh"), (String) m.get("en"));
    }

    /** A city code also files under its province ({@code 330100} -> {@code 330000}), so a province filter finds its cities. */
    static List<String> regionPath(String region) {
        String province = region.substring(0, 2) + "0000";
        return province.equals(region) ? List.of(region) : List.of(region, province);
    }

    private static Map<String, Object> texts(String zh, String en) {
        Map<String, Object> t = new LinkedHashMap<>();
        if (zh != null) t.put("zh", zh);
        if (en != null) t.put("en", en);
        return t;
    }

    private static String join(List<String> parts) {
        return parts.stream().filter(Objects::nonNull).collect(Collectors.joining("\n"));
    }
}
