package io.ttx.demodata;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;

/**
 * Builds technology demands round-robin over the same topics as the achievements: the k-th demand of a topic
 * asks for the topic's technology in its k-th application domain, with one of three phrasings (call for
 * solutions, partner search, commissioned development), so demand titles are unique as well.
 */
final class DemandFactory {
    private static final List<String> MODES = List.of("ASSIGNMENT", "EXCLUSIVE_LICENCE", "SOLE_LICENCE",
        "ORDINARY_LICENCE", "JOINT_DEVELOPMENT", "TECHNICAL_SERVICE", "EQUITY");
    private static final List<String> IP_OWNERSHIP = List.of("BUYER", "SELLER", "SHARED", "NEGOTIABLE");
    private static final List<Bilingual> BASIS = List.of(
        new Bilingual("公司已建成中试线，拥有10余人的工艺与质量团队，可提供试验场地、样品和应用验证条件。",
            "We run a pilot line with a process and quality team of more than ten people and can provide test space, samples and application trials."),
        new Bilingual("公司已有相关产品在售，年销售额约2亿元，现有技术在性能和成本上遇到瓶颈，需要引进外部技术升级。",
            "We already sell related products with annual revenue of about CNY 200 million, but our current technology has hit performance and cost limits and needs an external upgrade."),
        new Bilingual("公司为省级专精特新企业，设有企业技术中心，与多所高校长期合作，具备开展联合开发的人员和资金。",
            "We are a provincial specialised and innovative SME with an in-house technology centre and long-standing university partners, and we have the staff and funds for joint development."),
        new Bilingual("公司已完成前期技术调研和小试验证，明确了技术路线，希望与高校或科研院所合作加快产业化。",
            "We have finished a technology survey and bench-scale trials and chosen a technical route, and want a university or institute partner to speed up industrialisation."));

    private final Random rnd;
    private final List<Topic> topics;

    DemandFactory(Random rnd, List<Topic> topics) {
        this.rnd = rnd;
        this.topics = topics;
    }

    List<DemoDemand> create(int count) {
        List<DemoDemand> out = new ArrayList<>();
        for (int i = 0; i < count; i++) out.add(one(i));
        return List.copyOf(out);
    }

    private DemoDemand one(int index) {
        Topic t = topics.get(index % topics.size());
        int k = index / topics.size();
        Bilingual app = t.apps().get(k % t.apps().size());
        Bilingual kind = t.kinds().getFirst();
        Bilingual title = switch (k % 3) {
            case 0 -> new Bilingual("征集面向" + app.zh() + "的" + t.subject().zh() + "技术",
                "Call for " + t.subject().en() + " technology for " + app.en());
            case 1 -> new Bilingual("寻求" + app.zh() + "领域" + t.subject().zh() + "技术合作",
                "Seeking a partner in " + t.subject().en() + " for " + app.en());
            default -> new Bilingual("委托开发" + app.zh() + "用" + t.subject().zh() + kind.zh(),
                "Commissioned development: " + t.subject().en() + " " + kind.en() + " for " + app.en());
        };
        Bilingual summary = new Bilingual(
            "我公司业务涉及" + app.zh() + "，拟引进" + t.subject().zh() + "技术。" + t.problem().zh()
                + "希望合作方提供成熟方案，满足以下要求：" + t.indicators().zh() + "。",
            "Our company works in " + app.en() + " and wants to bring in " + t.subject().en() + " technology. "
                + t.problem().en() + " We are looking for a partner whose solution meets these requirements: "
                + t.indicators().en() + ".");
        String owner = DemoCatalogue.DEMAND_OWNERS.get(index % DemoCatalogue.DEMAND_OWNERS.size());
        String budget = null;
        DemoDemand.Range range = null;
        long base = 100_000L + 50_000L * rnd.nextInt(60);
        if (rnd.nextBoolean()) budget = base + ".00";
        else range = new DemoDemand.Range(base + ".00", (base * (3 + rnd.nextInt(4)) / 2) + ".00");
        List<String> modes = new ArrayList<>();
        int n = 1 + rnd.nextInt(2);
        while (modes.size() < n) {
            String m = MODES.get(rnd.nextInt(MODES.size()));
            if (!modes.contains(m)) modes.add(m);
        }
        modes.sort((a, b) -> MODES.indexOf(a) - MODES.indexOf(b));
        // relative to today (China time): a demand catalogue loaded any day stands for months to come
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        LocalDate validUntil = today.plusDays(120 + rnd.nextInt(610));
        int span = (int) java.time.temporal.ChronoUnit.DAYS.between(today, validUntil);
        LocalDate delivery = today.plusDays(30 + rnd.nextInt(Math.max(1, span - 30)));
        List<String> keywords = List.copyOf(new LinkedHashSet<>(List.of(t.keywords().get(0).zh(),
            t.keywords().get(1 + k % 2).zh(), t.keywords().get(0).en(), t.keywords().get(1 + k % 2).en())));
        return new DemoDemand(index, t.id(), owner, title, summary, t.field(), keywords, t.indicators().joined(),
            t.problem().joined(), BASIS.get(rnd.nextInt(BASIS.size())).joined(), budget, range, List.copyOf(modes),
            DemoCatalogue.REGIONS.get(rnd.nextInt(DemoCatalogue.REGIONS.size())), validUntil, delivery,
            IP_OWNERSHIP.get(rnd.nextInt(IP_OWNERSHIP.size())), rnd.nextDouble() < 0.5);
    }
}
