package io.ttx.demodata;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * The TTX demo catalogue: 336 bilingual achievements, 120 technology demands and 8 PDF briefs, generated from
 * 48 topics (six per high-tech field) with a fixed seed, so that every run, every developer's machine and every
 * test sees the same records. Tests that query the backend can derive expectations from {@link #topics()} and the
 * records' {@code topicId}; the seed loader and {@link DemoLoad} post exactly these records.
 */
public final class DemoCatalogue {
    public static final long SEED = 20_240_601L;
    public static final int ACHIEVEMENT_COUNT = 336;
    public static final int DEMAND_COUNT = 120;
    /** Demo clients of the dev IdP that own the achievements, in the order records are assigned to them. */
    public static final List<String> ACHIEVEMENT_OWNERS = List.of("tto", "tto-2", "researcher", "researcher-2");
    public static final List<String> DEMAND_OWNERS = List.of("enterprise", "enterprise-2");
    /** The demo client that approves submitted achievements. */
    public static final String REVIEWER = "broker";
    /** GB/T 2260 codes: Shanghai, Nanjing, Suzhou, Hangzhou, Ningbo, Hefei, Beijing, Shenzhen, Wuhan, Chengdu, Xi'an, Qingdao. */
    public static final List<String> REGIONS = List.of("310000", "320100", "320500", "330100", "330200", "340100",
        "110000", "440300", "420100", "510100", "610100", "370200");
    /** Achievement indices that get a brief: the first achievement of each field's first topic. */
    private static final int[] BRIEFED_TOPICS = {0, 6, 12, 18, 24, 30, 36, 42};
    private static final int[] CONFIDENTIAL_BRIEFS = {2, 5};

    /** One generated catalogue; {@link #limit} gives a smaller, consistent slice (e.g. for fast integration tests). */
    public record Catalogue(List<DemoAchievement> achievements, List<DemoDemand> demands, List<DemoDocument> documents) {
        public Catalogue {
            achievements = List.copyOf(achievements);
            demands = List.copyOf(demands);
            documents = List.copyOf(documents);
        }

        /** The first {@code maxAchievements} achievements and {@code maxDemands} demands, with their documents. */
        public Catalogue limit(int maxAchievements, int maxDemands) {
            int a = Math.min(maxAchievements, achievements.size());
            return new Catalogue(achievements.subList(0, a), demands.subList(0, Math.min(maxDemands, demands.size())),
                documents.stream().filter(d -> d.achievementIndex() < a).toList());
        }
    }

    private static final class TopicsHolder {
        static final List<Topic> TOPICS = Topics.load();
    }

    private static final class CatalogueHolder {
        static final Catalogue CATALOGUE = generate();
    }

    private DemoCatalogue() { }

    /** A fresh generation (tests compare two of them); everything else uses the shared {@link #catalogue()}. */
    public static Catalogue generate() {
        List<Topic> topics = topics();
        Random rnd = new Random(SEED);
        List<DemoAchievement> achievements = new AchievementFactory(rnd, topics).create(ACHIEVEMENT_COUNT);
        List<DemoDemand> demands = new DemandFactory(rnd, topics).create(DEMAND_COUNT);
        List<DemoDocument> documents = new ArrayList<>();
        for (int i = 0; i < BRIEFED_TOPICS.length; i++) {
            DemoAchievement a = achievements.get(BRIEFED_TOPICS[i]);
            boolean confidential = i == CONFIDENTIAL_BRIEFS[0] || i == CONFIDENTIAL_BRIEFS[1];
            documents.add(BriefWriter.document(a, topic(a.topicId()), confidential));
        }
        return new Catalogue(achievements, demands, documents);
    }

    public static Catalogue catalogue() {
        return CatalogueHolder.CATALOGUE;
    }

    /** The 48 topics, grouped by field in {@link Field} order. */
    public static List<Topic> topics() {
        return TopicsHolder.TOPICS;
    }

    public static Topic topic(String id) {
        return topics().stream().filter(t -> t.id().equals(id)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no demo topic " + id));
    }

    public static List<DemoAchievement> achievements() {
        return catalogue().achievements();
    }

    public static List<DemoDemand> demands() {
        return catalogue().demands();
    }

    public static List<DemoDocument> documents() {
        return catalogue().documents();
    }

    /** The achievements written about one topic: what a search for that topic's keywords should find. */
    public static List<DemoAchievement> achievementsOf(String topicId) {
        return filter(achievements(), a -> a.topicId().equals(topicId));
    }

    public static List<DemoDemand> demandsOf(String topicId) {
        return filter(demands(), d -> d.topicId().equals(topicId));
    }

    /** Stage implied by a TRL: 1-4 LAB, 5-6 PILOT, 7-8 SMALL_BATCH, 9 MASS_PRODUCTION. */
    public static String stageOf(int trl) {
        if (trl < 1 || trl > 9) throw new IllegalArgumentException("TRL must be 1 to 9: " + trl);
        return trl <= 4 ? "LAB" : trl <= 6 ? "PILOT" : trl <= 8 ? "SMALL_BATCH" : "MASS_PRODUCTION";
    }

    static String stageZh(String stage) {
        return switch (stage) {
            case "LAB" -> "实验室研究";
            case "PILOT" -> "中试";
            case "SMALL_BATCH" -> "小批量试产";
            default -> "规模化量产";
        };
    }

    static String stageEn(String stage) {
        return switch (stage) {
            case "LAB" -> "laboratory";
            case "PILOT" -> "pilot";
            case "SMALL_BATCH" -> "small-batch production";
            default -> "mass production";
        };
    }

    private static <T> List<T> filter(List<T> all, Predicate<T> keep) {
        return all.stream().filter(keep).toList();
    }
}
