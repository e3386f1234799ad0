package io.ttx.demodata;

import io.ttx.demodata.DemoAchievement.Inventor;
import io.ttx.demodata.DemoAchievement.Offer;
import io.ttx.demodata.DemoAchievement.Patent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds achievements round-robin over the topics. Each topic's title variants (approach x kind x application
 * domain, or no domain) are shuffled once and used in order, so titles never repeat and never need numbering.
 * Everything else (TRL, form, patents, offer) is drawn from one seeded {@link Random}, hence the same output on
 * every run.
 */
final class AchievementFactory {
    private static final List<String> UTILITY_WORDS = List.of("device", "unit", "module", "machine", "receiver",
        "array", "structure", "workstation", "electrolyser", "electrode", "line");
    /** Words of a kind that suggest a form, in priority order (a List: Map.of iterates in a per-JVM order). */
    private static final List<String[]> KIND_FORMS = List.of(new String[] {"software", "SOFTWARE_COPYRIGHT"},
        new String[] {"platform", "SOFTWARE_COPYRIGHT"}, new String[] {"process", "NEW_PROCESS"},
        new String[] {"material", "NEW_MATERIAL"}, new String[] {"powder", "NEW_MATERIAL"},
        new String[] {"formulation", "NEW_MATERIAL"}, new String[] {"product", "NEW_PRODUCT"},
        new String[] {"chip", "PROTOTYPE"});
    private static final List<String> MODES = List.of("ASSIGNMENT", "EXCLUSIVE_LICENCE", "SOLE_LICENCE",
        "ORDINARY_LICENCE", "EQUITY", "JOINT_DEVELOPMENT", "TECHNICAL_SERVICE");

    private final Random rnd;
    private final List<Topic> topics;
    private final List<List<int[]>> variants = new ArrayList<>();

    AchievementFactory(Random rnd, List<Topic> topics) {
        this.rnd = rnd;
        this.topics = topics;
        for (Topic t : topics) {
            List<int[]> all = new ArrayList<>();
            for (int a = 0; a < t.approaches().size(); a++)
                for (int k = 0; k < t.kinds().size(); k++)
                    for (int p = -1; p < t.apps().size(); p++) all.add(new int[] {a, k, p});
            Collections.shuffle(all, rnd);
            variants.add(all);
        }
    }

    List<DemoAchievement> create(int count) {
        List<DemoAchievement> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(one(i));
        return List.copyOf(out);
    }

    private DemoAchievement one(int index) {
        int t = index % topics.size();
        Topic topic = topics.get(t);
        int[] v = variants.get(t).get(index / topics.size());
        Bilingual approach = topic.approaches().get(v[0]);
        Bilingual kind = topic.kinds().get(v[1]);
        Bilingual app = v[2] < 0 ? null : topic.apps().get(v[2]);
        Bilingual title = new Bilingual(
            (app == null ? "" : "面向" + app.zh() + "的") + approach.zh() + topic.subject().zh() + kind.zh(),
            capitalise(approach.en() + " " + topic.subject().en() + " " + kind.en()) + (app == null ? "" : " for " + app.en()));
        String owner = DemoCatalogue.ACHIEVEMENT_OWNERS.get(index % DemoCatalogue.ACHIEVEMENT_OWNERS.size());
        String forced = kind.en().endsWith("variety") ? "PLANT_VARIETY" : kind.en().endsWith("specification") ? "STANDARD" : null;
        int trl = forced == null ? 1 + rnd.nextInt(9) : minTrl(forced) + rnd.nextInt(10 - minTrl(forced));
        String stage = DemoCatalogue.stageOf(trl);
        boolean open = forced == null && rnd.nextDouble() < 0.10;
        String form = forced != null ? forced : open ? "PATENT" : form(topic, kind, trl);
        boolean device = UTILITY_WORDS.stream().anyMatch(w -> kind.en().contains(w));
        List<Patent> patents = form.equals("PATENT") ? Patents.create(rnd, open, device) : List.of();
        List<String[]> people = People.pick(rnd);
        List<Inventor> inventors = People.inventors(people, rnd);
        String region = DemoCatalogue.REGIONS.get(rnd.nextInt(DemoCatalogue.REGIONS.size()));
        String fee = open ? price(20_000, 300_000, 5_000) : null;
        return new DemoAchievement(index, topic.id(), owner, title, summary(topic, title, app, trl, stage),
            topic.problem().joined(), topic.advantage().joined(), topic.indicators().joined(),
            topic.applications().joined(), keywords(topic), topic.field(), ipc(topic), topic.industryCode(), region,
            trl, stage, form, inventors, People.contact(owner, people.getFirst(), rnd), patents, open, fee,
            offer(open, trl, fee));
    }

    /**
     * A form that fits what is offered and its maturity: usually what the kind suggests (software, a process, a
     * material) when the topic allows it, otherwise a patent or another of the topic's forms; never a product,
     * variety or standard from a lab bench. (Varieties and specifications are decided by their kind alone.)
     */
    private String form(Topic t, Bilingual kind, int trl) {
        List<String> words = List.of(kind.en().split("[ -]"));
        String suggested = KIND_FORMS.stream().filter(e -> words.contains(e[0])).map(e -> e[1])
            .filter(f -> t.forms().contains(f) && trl >= minTrl(f)).findFirst().orElse(null);
        if (suggested != null && rnd.nextDouble() < 0.75) return suggested;
        if (rnd.nextDouble() < 0.3) return "PATENT";
        List<String> fitting = t.forms().stream().filter(f -> trl >= minTrl(f) && !f.equals("PLANT_VARIETY") && !f.equals("STANDARD")).toList();
        return fitting.isEmpty() ? "PATENT" : fitting.get(rnd.nextInt(fitting.size()));
    }

    static int minTrl(String form) {
        return switch (form) {
            case "NEW_PRODUCT", "PLANT_VARIETY" -> 7;
            case "STANDARD" -> 6;
            case "PROTOTYPE" -> 4;
            case "NEW_MATERIAL", "NEW_PROCESS" -> 3;
            default -> 1;
        };
    }

    private static Bilingual summary(Topic t, Bilingual title, Bilingual app, int trl, String stage) {
        String zh = "本成果提出一种" + title.zh() + "。" + t.problem().zh() + t.advantage().zh()
            + "主要技术指标：" + t.indicators().zh() + "。可应用于" + t.applications().zh() + "。目前处于"
            + DemoCatalogue.stageZh(stage) + "阶段（TRL " + trl + "）。";
        String en = "Technology on offer: " + title.en() + ". " + t.problem().en() + " " + t.advantage().en()
            + " Key indicators: " + t.indicators().en() + ". Applications: " + t.applications().en()
            + ". Current stage: " + DemoCatalogue.stageEn(stage) + " (TRL " + trl + ").";
        return new Bilingual(zh, en);
    }

    /** Three of the topic's keyword pairs, Chinese ones first; the first keyword pair is always included. */
    private List<String> keywords(Topic t) {
        List<Integer> rest = new ArrayList<>();
        for (int i = 1; i < t.keywords().size(); i++) rest.add(i);
        Collections.shuffle(rest, rnd);
        List<Integer> picked = new ArrayList<>(List.of(0));
        picked.addAll(rest.subList(0, Math.min(2, rest.size())));
        List<String> out = new ArrayList<>();
        picked.forEach(i -> out.add(t.keywords().get(i).zh()));
        picked.forEach(i -> out.add(t.keywords().get(i).en()));
        return List.copyOf(new LinkedHashSet<>(out));
    }

    /** The topic's main IPC symbol plus, usually, its secondary ones. */
    private List<String> ipc(Topic t) {
        return rnd.nextDouble() < 0.7 ? t.ipcCodes() : t.ipcCodes().subList(0, Math.min(2, t.ipcCodes().size()));
    }

    private Offer offer(boolean open, int trl, String fee) {
        if (open) {
            List<String> modes = rnd.nextBoolean() ? List.of("ORDINARY_LICENCE") : List.of("ORDINARY_LICENCE", "TECHNICAL_SERVICE");
            return new Offer(modes, "FIXED_PRICE", fee);
        }
        Set<String> chosen = new TreeSet<>((a, b) -> MODES.indexOf(a) - MODES.indexOf(b));
        if (trl <= 4 && rnd.nextBoolean()) chosen.add("JOINT_DEVELOPMENT");
        int n = 1 + rnd.nextInt(3);
        while (chosen.size() < n) chosen.add(MODES.get(rnd.nextInt(MODES.size())));
        if (rnd.nextDouble() < 0.23) return new Offer(List.copyOf(chosen), "NEGOTIATED", null);
        double r = rnd.nextDouble();
        String method = r < 0.35 ? "FIXED_PRICE" : r < 0.75 ? "NEGOTIATED" : r < 0.90 ? "AUCTION" : "TENDER";
        String price = trl <= 3 ? price(50_000, 500_000, 10_000)
            : trl <= 6 ? price(300_000, 3_000_000, 10_000) : price(1_000_000, 20_000_000, 50_000);
        return new Offer(List.copyOf(chosen), method, price);
    }

    /** A yuan amount in [min, max] rounded to {@code step}, as the API's decimal string. */
    private String price(long min, long max, long step) {
        long steps = (max - min) / step;
        return (min + step * (long) rnd.nextInt((int) steps + 1)) + ".00";
    }

    static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
