package io.ttx.demodata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Size, spread, uniqueness, language and topic coherence of the generated catalogue. */
class DemoCatalogueTests {
    private static final Pattern IPC = Pattern.compile("^[A-H]\\d{2}[A-Z] \\d{1,4}/\\d{2,6}$");
    private final List<DemoAchievement> achievements = DemoCatalogue.achievements();
    private final List<DemoDemand> demands = DemoCatalogue.demands();

    @Test
    void hasEnoughRecordsSpreadOverTopicsFieldsRegionsAndMaturity() {
        assertThat(achievements).hasSizeGreaterThanOrEqualTo(300);
        assertThat(demands).hasSizeGreaterThanOrEqualTo(100);
        assertThat(achievements.stream().map(DemoAchievement::topicId).distinct().count()).isGreaterThanOrEqualTo(40);
        assertThat(demands.stream().map(DemoDemand::topicId).distinct().count()).isGreaterThanOrEqualTo(40);
        assertThat(achievements.stream().map(DemoAchievement::field).distinct()).containsExactlyInAnyOrder(Field.values());
        assertThat(demands.stream().map(DemoDemand::field).distinct()).containsExactlyInAnyOrder(Field.values());
        assertThat(achievements.stream().map(DemoAchievement::region).distinct().count()).isGreaterThanOrEqualTo(10);
        assertThat(achievements.stream().map(a -> a.region().substring(0, 2)).distinct().count()).as("provinces").isGreaterThanOrEqualTo(10);
        assertThat(achievements.stream().map(DemoAchievement::trl).distinct()).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(achievements.stream().map(DemoAchievement::stage).distinct())
            .containsExactlyInAnyOrder("LAB", "PILOT", "SMALL_BATCH", "MASS_PRODUCTION");
        assertThat(achievements.stream().map(DemoAchievement::form).distinct()).as("every form").hasSize(9);
    }

    @Test
    void topicsCoverEveryFieldWithUniqueIdsAndCompleteTexts() {
        List<Topic> topics = DemoCatalogue.topics();
        assertThat(topics).hasSizeGreaterThanOrEqualTo(40);
        assertThat(topics.stream().map(Topic::id).distinct().count()).isEqualTo(topics.size());
        Set<Field> fields = EnumSet.noneOf(Field.class);
        for (Topic t : topics) {
            fields.add(t.field());
            assertThat(t.ipcCodes()).as(t.id()).isNotEmpty().allMatch(c -> IPC.matcher(c).matches());
            assertThat(t.industryCode()).as(t.id()).matches("[A-T]\\d{4}");
            assertThat(t.forms()).as(t.id()).contains("PATENT");
            assertThat(t.keywords()).as(t.id()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(t.keywordsZh()).as(t.id()).allMatch(k -> !k.isBlank());
            assertThat(t.keywordsEn()).as(t.id()).allMatch(k -> !k.isBlank());
            assertThat(t.approaches().size() * t.kinds().size() * (t.apps().size() + 1)).as(t.id() + " title variants")
                .isGreaterThanOrEqualTo((DemoCatalogue.ACHIEVEMENT_COUNT + topics.size() - 1) / topics.size());
        }
        assertThat(fields).containsExactlyInAnyOrder(Field.values());
    }

    @Test
    void englishTopicTextFitsThePdfEncoding() {
        for (Topic t : DemoCatalogue.topics()) {
            List<Bilingual> texts = new ArrayList<>(List.of(t.subject(), t.problem(), t.advantage(), t.indicators(), t.applications()));
            Stream.of(t.keywords(), t.kinds(), t.approaches(), t.apps()).forEach(texts::addAll);
            for (Bilingual b : texts) {
                assertThat(StandardCharsets.ISO_8859_1.newEncoder().canEncode(b.en())).as(t.id() + ": " + b.en()).isTrue();
                assertThat(b.zh()).as(t.id() + ": Chinese text " + b.zh()).matches(s -> s.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)
                    || s.matches("[A-Za-z0-9/\\- ]+"));
            }
        }
    }

    @Test
    void titlesAreUniqueInEachLanguageAcrossTheWholeCatalogue() {
        List<Bilingual> titles = new ArrayList<>();
        achievements.forEach(a -> titles.add(a.title()));
        demands.forEach(d -> titles.add(d.title()));
        assertThat(titles.stream().map(Bilingual::zh)).doesNotHaveDuplicates();
        assertThat(titles.stream().map(Bilingual::en)).doesNotHaveDuplicates();
        assertThat(titles.stream().map(Bilingual::en)).as("no numeric suffixes").noneMatch(t -> t.matches(".*\\s\\d+$"));
    }

    @Test
    void everyRecordHasBothLanguagesWithinTheLengthLimits() {
        List<Bilingual[]> texts = new ArrayList<>();
        achievements.forEach(a -> texts.add(new Bilingual[] {a.title(), a.summary()}));
        demands.forEach(d -> texts.add(new Bilingual[] {d.title(), d.summary()}));
        for (Bilingual[] t : texts) {
            for (String s : List.of(t[0].zh(), t[0].en(), t[1].zh(), t[1].en())) assertThat(s).isNotBlank();
            assertThat(t[0].zh().codePoints().count()).isLessThanOrEqualTo(200);
            assertThat(t[0].en().codePoints().count()).isLessThanOrEqualTo(200);
            assertThat(t[1].zh().codePoints().count()).isLessThanOrEqualTo(2000);
            assertThat(t[1].en().codePoints().count()).isLessThanOrEqualTo(2000);
            assertThat(t[0].zh()).matches(s -> s.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF), "has Chinese");
            assertThat(t[0].en()).matches("[\\x20-\\x7E\\u00A0-\\u00FF]+");
        }
    }

    @Test
    void achievementsAgreeWithTheirTopic() {
        for (DemoAchievement a : achievements) {
            Topic t = DemoCatalogue.topic(a.topicId());
            String at = "#" + a.index() + " " + a.title().en();
            assertThat(a.field()).as(at).isEqualTo(t.field());
            assertThat(a.ipcCodes()).as(at).isNotEmpty().allMatch(c -> IPC.matcher(c).matches()).isSubsetOf(t.ipcCodes());
            assertThat(a.ipcCodes().stream().map(c -> c.substring(0, 1))).as(at).isSubsetOf(t.ipcSections());
            assertThat(a.keywords()).as(at).containsAnyElementsOf(t.keywordsZh()).containsAnyElementsOf(t.keywordsEn());
            assertThat(a.keywords()).as(at).isSubsetOf(Stream.concat(t.keywordsZh().stream(), t.keywordsEn().stream()).toList());
            assertThat(a.title().zh()).as(at).contains(t.subject().zh());
            assertThat(a.title().en()).as(at).containsIgnoringCase(t.subject().en());
            assertThat(a.industryCode()).as(at).isEqualTo(t.industryCode());
            assertThat(a.form()).as(at).isIn(t.forms());
            assertThat(a.trl()).as(at).isGreaterThanOrEqualTo(AchievementFactory.minTrl(a.form()));
            assertThat(a.stage()).as(at).isEqualTo(DemoCatalogue.stageOf(a.trl()));
            assertThat(a.owner()).isEqualTo(DemoCatalogue.ACHIEVEMENT_OWNERS.get(a.index() % 4));
        }
    }

    @Test
    void demandsAgreeWithTheirTopic() {
        for (DemoDemand d : demands) {
            Topic t = DemoCatalogue.topic(d.topicId());
            assertThat(d.field()).isEqualTo(t.field());
            assertThat(d.keywords()).containsAnyElementsOf(t.keywordsZh()).containsAnyElementsOf(t.keywordsEn());
            assertThat(d.title().zh()).contains(t.subject().zh());
            assertThat(d.title().en()).contains(t.subject().en());
            assertThat(d.owner()).isEqualTo(DemoCatalogue.DEMAND_OWNERS.get(d.index() % 2));
        }
    }

    @Test
    void stageFollowsTrl() {
        assertThat(List.of(1, 4, 5, 6, 7, 8, 9).stream().map(DemoCatalogue::stageOf))
            .containsExactly("LAB", "LAB", "PILOT", "PILOT", "SMALL_BATCH", "SMALL_BATCH", "MASS_PRODUCTION");
    }

    @Test
    void generationIsDeterministic() {
        DemoCatalogue.Catalogue first = DemoCatalogue.generate();
        DemoCatalogue.Catalogue second = DemoCatalogue.generate();
        assertThat(first).isEqualTo(second);
        assertThat(first.achievements().stream().map(DemoAchievement::json).toList())
            .isEqualTo(second.achievements().stream().map(DemoAchievement::json).toList());
        assertThat(first.documents().getFirst().bytes()).isEqualTo(second.documents().getFirst().bytes());
        assertThat(first).isEqualTo(DemoCatalogue.catalogue());
    }

    @Test
    void searchHelpersSelectByTopic() {
        assertThat(DemoCatalogue.achievementsOf("battery-soh")).hasSizeGreaterThanOrEqualTo(6)
            .allMatch(a -> a.topicId().equals("battery-soh") && a.keywords().contains("锂离子电池"));
        assertThat(DemoCatalogue.demandsOf("perovskite-solar")).isNotEmpty().allMatch(d -> d.field() == Field.NEW_ENERGY);
        DemoCatalogue.Catalogue small = DemoCatalogue.catalogue().limit(10, 4);
        assertThat(small.achievements()).hasSize(10);
        assertThat(small.demands()).hasSize(4);
        assertThat(small.documents()).allMatch(d -> d.achievementIndex() < 10).isNotEmpty();
        assertThat(new HashSet<>(DemoCatalogue.REGIONS)).hasSize(12);
    }
}
