package io.ttx.catalogue.rules;

import io.ttx.catalogue.AchievementInput;
import io.ttx.catalogue.AchievementInput.CoOwner;
import io.ttx.catalogue.AchievementInput.Contact;
import io.ttx.catalogue.AchievementInput.Encumbrance;
import io.ttx.catalogue.AchievementInput.Inventor;
import io.ttx.catalogue.AchievementInput.Patent;
import io.ttx.catalogue.EncumbranceType;
import io.ttx.catalogue.LegalStatus;
import io.ttx.catalogue.LocalizedText;
import io.ttx.catalogue.TransferMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

import static io.ttx.catalogue.rules.AchievementRulesTests.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The bound of every string and list of an achievement (docs/decisions.md, Input bounds), and its stored NFC form. */
class AchievementBoundsTests {
    private static final String OWNER = "12330100202401371E";
    private static final String E_ACUTE = "e\u0301";

    static <T> List<T> times(int n, IntFunction<T> item) {
        return IntStream.range(0, n).mapToObj(item).toList();
    }

    /** Shares summing to exactly 100 over n inventors (n divides 100 or 10,000 evenly enough for two decimals). */
    static List<Inventor> inventors(int n, String name) {
        BigDecimal each = BigDecimal.valueOf(10_000 / n, 2);
        BigDecimal last = BigDecimal.valueOf(100).subtract(each.multiply(BigDecimal.valueOf(n - 1)));
        return times(n, i -> new Inventor(name + i, i == n - 1 ? last : each));
    }

    static Patent patent(String number, String publication, List<CoOwner> coOwners) {
        return new Patent("CN", number, publication, "A", null, null, null, null, LegalStatus.PENDING, coOwners);
    }

    @Test
    void allowsAtMost50InventorsAndRefusesMoreBeforeLookingAtThem() {
        accepts(d -> d.inventors = inventors(50, "Inventor "));
        rejects(d -> d.inventors = inventors(51, "Inventor "), "inventors", "too-many-inventors");
        // 51 nameless inventors with impossible shares: only the count is reported, no item was looked at
        rejects(d -> d.inventors = Collections.nCopies(51, new Inventor(" ", new BigDecimal("1e500000000"))), "inventors", "too-many-inventors");
    }

    @Test
    void limitsInventorNamesTo100Characters() {
        accepts(d -> d.inventors = List.of(new Inventor("名".repeat(100), BigDecimal.valueOf(100))));
        rejects(d -> d.inventors = List.of(new Inventor("名".repeat(101), BigDecimal.valueOf(100))), "inventors[0].name", "text-too-long");
    }

    @Test
    void limitsTheContactNameTo100AndThePhoneTo30Characters() {
        accepts(d -> d.contact = new Contact("张".repeat(100), null, "+86 (571) " + "8".repeat(20)));
        rejects(d -> d.contact = new Contact("张".repeat(101), null, null), "contact.name", "text-too-long");
        rejects(d -> d.contact = new Contact(null, null, "1".repeat(31)), "contact.phone", "invalid-phone");
        assertTimeoutPreemptively(Duration.ofSeconds(1),
            () -> rejects(d -> d.contact = new Contact(null, null, "1".repeat(100_000)), "contact.phone", "invalid-phone"));
    }

    @Test
    void allowsAtMost50PatentsAndRefusesMoreBeforeLookingAtThem() {
        accepts(d -> d.patents = times(50, i -> patent("CN2023" + i, null, null)));
        rejects(d -> d.patents = times(51, i -> patent("CN2023" + i, null, null)), "patents", "too-many-patents");
        rejects(d -> d.patents = Collections.nCopies(51, new Patent("China", " ", null, "AB", null, null, null, null, null, null)),
            "patents", "too-many-patents");
    }

    @Test
    void limitsPatentNumbersTo50Characters() {
        accepts(d -> d.patents = List.of(patent("N".repeat(50), "P".repeat(50), null)));
        rejects(d -> d.patents = List.of(patent("N".repeat(51), null, null)), "patents[0].applicationNumber", "text-too-long");
        rejects(d -> d.patents = List.of(patent("CN1", "P".repeat(51), null)), "patents[0].publicationNumber", "text-too-long");
    }

    @Test
    void checksPatentCodesOnBoundedTextOnly() {
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            rejects(d -> d.patents = List.of(new Patent("C".repeat(100_000), "CN1", null, null, null, null, null, null, null, null)),
                "patents[0].office", "invalid-patent-office");
            rejects(d -> d.patents = List.of(new Patent("CN", "CN1", null, "A".repeat(100_000), null, null, null, null, null, null)),
                "patents[0].kind", "invalid-kind-code");
            rejects(d -> d.industryCode = "C".repeat(100_000), "industryCode", "invalid-industry-code");
            rejects(d -> d.region = "3".repeat(100_000), "region", "invalid-region");
            rejects(d -> d.patents = List.of(patent("CN1", null, List.of(new CoOwner("大学", "1".repeat(100_000))))),
                "patents[0].coOwners[0].uscc", "invalid-uscc");
        });
    }

    @Test
    void allowsAtMost20CoOwnersOfAtMost200CharactersPerPatent() {
        accepts(d -> d.patents = List.of(patent("CN1", null, times(20, i -> new CoOwner("大".repeat(200), null)))));
        rejects(d -> d.patents = List.of(patent("CN1", null, times(21, i -> new CoOwner("大学" + i, null)))),
            "patents[0].coOwners", "too-many-co-owners");
        rejects(d -> d.patents = List.of(patent("CN1", null, Collections.nCopies(21, new CoOwner("x", "bad")))),
            "patents[0].coOwners", "too-many-co-owners");
        rejects(d -> d.patents = List.of(patent("CN1", null, List.of(new CoOwner("大".repeat(201), null)))),
            "patents[0].coOwners[0].name", "text-too-long");
    }

    @Test
    void allowsAtMost20EncumbrancesDescribedInAtMost2000Characters() {
        accepts(d -> d.encumbrances = times(20, i -> new Encumbrance(EncumbranceType.PLEDGE, "质".repeat(2000))));
        rejects(d -> d.encumbrances = times(21, i -> new Encumbrance(EncumbranceType.OTHER, null)), "encumbrances", "too-many-encumbrances");
        rejects(d -> d.encumbrances = List.of(new Encumbrance(EncumbranceType.PLEDGE, "质".repeat(2001))),
            "encumbrances[0].description", "text-too-long");
    }

    /** Seven modes exist: a longer list can only repeat them (duplicates are dropped, but the list counts as sent). */
    @Test
    void allowsAtMostSevenTransferModesAsSent() {
        accepts(d -> d.offer = offer(List.of(TransferMode.values()), null, null, null));
        accepts(d -> d.offer = offer(Collections.nCopies(7, TransferMode.ASSIGNMENT), null, null, null));
        rejects(d -> d.offer = offer(Collections.nCopies(8, TransferMode.ASSIGNMENT), null, null, null), "offer.transferModes", "too-many-items");
    }

    @Test
    void refusesHugeTextsInEveryFreeTextFieldWithoutNormalisingThem() {
        String huge = E_ACUTE.repeat(50_000); // 100,000 chars; NFC would make 50,000 characters of it
        List<BiConsumer<Draft, String>> setters = List.of((d, s) -> d.title = new LocalizedText(s, null),
            (d, s) -> d.summary = new LocalizedText(null, s), (d, s) -> d.problemSolved = s, (d, s) -> d.advantages = s,
            (d, s) -> d.technicalIndicators = s, (d, s) -> d.applications = s, (d, s) -> d.commercialAnalysis = s,
            (d, s) -> d.inventors = List.of(new Inventor(s, BigDecimal.valueOf(100))), (d, s) -> d.contact = new Contact(s, null, null),
            (d, s) -> d.patents = List.of(patent(s, null, null)), (d, s) -> d.patents = List.of(patent("CN1", s, null)),
            (d, s) -> d.patents = List.of(patent("CN1", null, List.of(new CoOwner(s, null)))),
            (d, s) -> d.encumbrances = List.of(new Encumbrance(EncumbranceType.OTHER, s)));
        List<String> fields = List.of("title.zh", "summary.en", "problemSolved", "advantages", "technicalIndicators", "applications",
            "commercialAnalysis", "inventors[0].name", "contact.name", "patents[0].applicationNumber", "patents[0].publicationNumber",
            "patents[0].coOwners[0].name", "encumbrances[0].description");
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < setters.size(); i++) {
                var set = setters.get(i);
                rejects(d -> set.accept(d, huge), fields.get(i), "text-too-long");
            }
        });
    }

    @Test
    void refusesTenThousandItemsOfAnyListAtOnce() {
        List<Consumer<Draft>> changes = List.of(d -> d.keywords = Collections.nCopies(10_000, "k"),
            d -> d.ipcCodes = Collections.nCopies(10_000, "H01M 10/48"),
            d -> d.inventors = Collections.nCopies(10_000, new Inventor("A", BigDecimal.ONE)),
            d -> d.patents = Collections.nCopies(10_000, patent("CN1", null, null)),
            d -> d.patents = List.of(patent("CN1", null, Collections.nCopies(10_000, new CoOwner("x", null)))),
            d -> d.encumbrances = Collections.nCopies(10_000, new Encumbrance(EncumbranceType.OTHER, "x")),
            d -> d.offer = offer(Collections.nCopies(10_000, TransferMode.EQUITY), null, null, null));
        List<String> codes = List.of("too-many-keywords", "too-many-ipc-codes", "too-many-inventors", "too-many-patents",
            "too-many-co-owners", "too-many-encumbrances", "too-many-items");
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            for (int i = 0; i < changes.size(); i++) {
                assertThat(violations(changes.get(i))).extracting(v -> v.code()).containsExactly(codes.get(i));
            }
        });
    }

    /** A decomposed "é" (e + combining acute) is stored as the composed one in every text: the same stored text either way. */
    @Test
    void storesEveryTextNfcNormalised() {
        String decomposed = "Caf" + E_ACUTE;
        String composed = "Caf\u00e9";
        AchievementInput out = AchievementRules.check(draft(d -> {
            d.title = new LocalizedText(decomposed, decomposed);
            d.summary = new LocalizedText(null, decomposed);
            d.problemSolved = decomposed;
            d.commercialAnalysis = decomposed;
            d.keywords = List.of(decomposed, composed);
            d.inventors = List.of(new Inventor(decomposed, BigDecimal.valueOf(100)));
            d.contact = new Contact(decomposed, null, null);
            d.patents = List.of(patent("CN1", null, List.of(new CoOwner(decomposed, null))));
            d.encumbrances = List.of(new Encumbrance(EncumbranceType.OTHER, decomposed));
        }).build(), OWNER);
        assertThat(out.title()).isEqualTo(new LocalizedText(composed, composed));
        assertThat(out.summary().en()).isEqualTo(composed);
        assertThat(out.problemSolved()).isEqualTo(composed);
        assertThat(out.commercialAnalysis()).isEqualTo(composed);
        assertThat(out.keywords()).containsExactly(composed);
        assertThat(out.inventors()).extracting(Inventor::name).containsExactly(composed);
        assertThat(out.contact().name()).isEqualTo(composed);
        assertThat(out.patents().getFirst().coOwners()).extracting(CoOwner::name).containsExactly(composed);
        assertThat(out.encumbrances()).extracting(Encumbrance::description).containsExactly(composed);
    }

    /** 200 characters typed decomposed are 400 code points on the wire and 200 once stored: the stored form counts. */
    @Test
    void countsTheLengthOfTheStoredForm() {
        accepts(d -> d.title = new LocalizedText(null, E_ACUTE.repeat(200)));
        rejects(d -> d.title = new LocalizedText(null, E_ACUTE.repeat(201)), "title.en", "text-too-long");
    }

    @Test
    void reportsAnOversizedLanguageWithoutCallingTheTitleMissing() {
        found(d -> d.title = new LocalizedText("x".repeat(100_000), null)).containsExactly(tuple("title.zh", "text-too-long"));
    }
}
