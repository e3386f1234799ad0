package io.ttx.demodata;

/**
 * The eight national key-support high-tech fields, spelled as the API's {@code field} values. Carries the labels
 * the PDF briefs and the Chinese summaries need, so the generator does not keep a second table.
 */
public enum Field {
    ELECTRONIC_INFORMATION("电子信息", "Electronic information"),
    BIO_MEDICINE("生物与新医药", "Biotechnology and new medicine"),
    AEROSPACE("航空航天", "Aerospace"),
    NEW_MATERIALS("新材料", "New materials"),
    HIGH_TECH_SERVICES("高技术服务", "High-tech services"),
    NEW_ENERGY("新能源与节能", "New energy and energy saving"),
    RESOURCES_ENVIRONMENT("资源与环境", "Resources and environment"),
    ADVANCED_MANUFACTURING("先进制造与自动化", "Advanced manufacturing and automation");

    private final String zh;
    private final String en;

    Field(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }
}
