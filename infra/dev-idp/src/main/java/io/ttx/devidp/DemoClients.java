package io.ttx.devidp;

import java.util.ArrayList;
import java.util.List;

/**
 * The dev-only demo clients: one per role in a distinct organisation, a second one per role ({@code <role>-2}) in
 * another organisation and region so that ownership rules can be exercised, and one regional programme
 * administrator per demo region (with its own {@code -2} colleague in another bureau of the same region).
 */
final class DemoClients {
    static final List<String> DEMO_REGIONS = List.of("310000", "320000", "330000", "340000");

    private DemoClients() { }

    static List<DemoClient> all() {
        List<DemoClient> out = new ArrayList<>();
        int[] n = {0};
        // role, kind (USCC authority+category), first org, first region, second org, second region
        add(out, n, "researcher", "12", "浙江示范大学 (researcher)", "330100", "江苏示范大学 (researcher)", "320100");
        add(out, n, "tto", "12", "浙江示范大学技术转移中心", "330100", "南京示范大学技术转移办公室", "320100");
        add(out, n, "enterprise", "91", "上海示范新能源科技有限公司", "310000", "合肥示范智能装备有限公司", "340100");
        add(out, n, "broker", "12", "长三角示范技术转移中心", "320100", "杭州示范科技成果转化服务中心", "330100");
        add(out, n, "agency", "91", "杭州示范检测认证有限公司", "330100", "合肥示范知识产权服务有限公司", "340100");
        add(out, n, "evaluator", "91", "上海示范资产评估有限公司", "310000", "江苏示范技术评估事务所", "320100");
        add(out, n, "auditor", "91", "上海示范审计事务所", "310000", "浙江示范审计事务所", "330100");
        add(out, n, "admin", "91", "TTX 平台运营 (上海)", "310000", "TTX 平台运营 (杭州)", "330100");
        for (String region : DEMO_REGIONS) {
            out.add(client("region-admin-" + region, "region-admin", "11", "科学技术厅/局 " + region, region, n));
            out.add(client("region-admin-" + region + "-2", "region-admin", "11", "科技创新服务中心 " + region, region, n));
        }
        // the voucher federation: a platform hosting Shandong (370000) and one hosting the Yangtze River Delta, as peers;
        // an agency and a bureau of Shandong for a TTX that hosts 370000
        out.add(peer("peer-370000", "山东示范技术交易平台", "370000", List.of("370000"), n));
        out.add(peer("peer-yrd", "长三角示范技术交易平台", "310000", DEMO_REGIONS, n));
        out.add(client("agency-370000", "agency", "91", "济南示范检测技术有限公司", "370100", n));
        out.add(client("region-admin-370000", "region-admin", "11", "科学技术厅 370000", "370000", n));
        return List.copyOf(out);
    }

    private static void add(List<DemoClient> out, int[] n, String role, String kind, String org1, String region1,
                            String org2, String region2) {
        out.add(client(role, role, kind, org1, region1, n));
        out.add(client(role + "-2", role, kind, org2, region2, n));
    }

    private static DemoClient peer(String id, String orgName, String region, List<String> regions, int[] n) {
        DemoClient c = client(id, "peer", "91", orgName, region, n);
        return new DemoClient(c.clientId(), c.roles(), c.orgName(), c.org(), c.region(), regions);
    }

    private static DemoClient client(String id, String role, String kind, String orgName, String region, int[] n) {
        n[0]++;
        String body = String.format("%08d", 20_240_000 + n[0] * 137);
        return new DemoClient(id, List.of(role), orgName, Uscc.of(kind, region, body), region);
    }
}
