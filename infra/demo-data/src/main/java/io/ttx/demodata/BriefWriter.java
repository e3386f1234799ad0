package io.ttx.demodata;

import io.ttx.demodata.DemoAchievement.Patent;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The English technical brief of an achievement, as a technology-transfer office would attach it: summary,
 * problem, approach, indicators, markets, IP position, maturity and the offer. Built only from the record and its
 * topic, so what a text search finds in the PDF is what the listing says.
 */
final class BriefWriter {
    private static final String[] TRL = {"", "basic principles observed", "technology concept formulated",
        "experimental proof of concept", "technology validated in the laboratory",
        "technology validated in a relevant environment", "technology demonstrated in a relevant environment",
        "system prototype demonstrated in an operational environment", "system complete and qualified",
        "actual system proven in an operational environment"};

    private static final Map<String, String> REGION_NAMES = Map.ofEntries(Map.entry("310000", "Shanghai"),
        Map.entry("320100", "Nanjing"), Map.entry("320500", "Suzhou"), Map.entry("330100", "Hangzhou"),
        Map.entry("330200", "Ningbo"), Map.entry("340100", "Hefei"), Map.entry("110000", "Beijing"),
        Map.entry("440300", "Shenzhen"), Map.entry("420100", "Wuhan"), Map.entry("510100", "Chengdu"),
        Map.entry("610100", "Xi'an"), Map.entry("370200", "Qingdao"));

    private BriefWriter() { }

    static DemoDocument document(DemoAchievement a, Topic t, boolean confidential) {
        String title = a.title().en();
        String filename = (confidential ? "process-package-" : "brief-") + t.id() + ".pdf";
        return new DemoDocument(a.index(), filename, title, PdfWriter.write(title, lines(a, t, confidential)),
            confidential ? "CONFIDENTIAL" : "PUBLIC");
    }

    static List<String> lines(DemoAchievement a, Topic t, boolean confidential) {
        List<String> out = new ArrayList<>();
        out.add(confidential ? "CONFIDENTIAL - released to registered buyers under a non-disclosure agreement only"
            : "TTX technology brief - " + a.field().en());
        out.add("TRL " + a.trl() + " (" + DemoCatalogue.stageEn(a.stage()) + ") | Form: " + label(a.form())
            + " | IPC: " + String.join(", ", a.ipcCodes()) + " | Industry (GB/T 4754): " + a.industryCode()
            + " | Region: " + a.region() + " (" + REGION_NAMES.get(a.region()) + ")");
        out.add("## 1. Summary");
        out.add(a.summary().en());
        out.add("## 2. Problem addressed");
        out.add(t.problem().en());
        out.add("## 3. Technical approach");
        out.add("What is offered: " + a.title().en() + ". " + t.advantage().en());
        out.add("## 4. Key technical indicators");
        for (String indicator : t.indicators().en().split(";\\s*")) out.add("- " + AchievementFactory.capitalise(indicator));
        out.add("## 5. Applications and markets");
        out.add(AchievementFactory.capitalise(t.applications().en()) + ".");
        out.add("Target users include " + String.join(", ", t.apps().stream().map(Bilingual::en).toList()) + ".");
        out.add("## 6. Intellectual property");
        if (a.patents().isEmpty()) out.add("Protected as " + label(a.form()) + "; no patent is part of this offer.");
        for (Patent p : a.patents()) {
            out.add("- " + p.applicationNumber() + ", published as " + p.publicationNumber() + " (kind " + p.kind()
                + "), filed " + p.filingDate() + (p.grantDate() == null ? "" : ", granted " + p.grantDate())
                + ", status " + label(p.legalStatus()) + ".");
        }
        if (a.openLicence()) {
            out.add("Offered under the patent open licence scheme (Patent Law articles 50-52) for a fee of CNY "
                + money(a.openLicenceFee()) + ".");
        }
        out.add("## 7. Development status");
        out.add("TRL " + a.trl() + ": " + TRL[a.trl()] + ". " + nextStep(a.stage()));
        out.add("## 8. Cooperation sought");
        out.add("Transfer modes: " + String.join(", ", a.offer().transferModes().stream().map(BriefWriter::label).toList())
            + ". Trade method: " + label(a.offer().tradeMethod()) + ". "
            + (a.offer().askingPrice() == null ? "Price on request." : "Asking price: CNY " + money(a.offer().askingPrice()) + "."));
        out.add("Keywords: " + String.join(", ", t.keywordsEn()) + ".");
        out.add("Contact: through the TTX platform; personal contact details are released once a non-disclosure "
            + "agreement is signed.");
        if (confidential) {
            out.add("## 9. Process know-how (confidential)");
            out.add("The full technical package documents the critical process windows, recipe tolerances, test "
                + "protocols and supplier qualifications for the " + t.subject().en() + " technology. It is disclosed only to "
                + "parties who have signed the NDA and may not be copied or forwarded.");
        }
        return out;
    }

    private static String nextStep(String stage) {
        return switch (stage) {
            case "LAB" -> "The team seeks a partner to fund and co-develop the step from laboratory samples to a pilot.";
            case "PILOT" -> "The next step is moving from pilot runs to small-batch production with an industrial partner.";
            case "SMALL_BATCH" -> "Small batches are being produced; the team seeks a licensee to scale up manufacturing and sales.";
            default -> "The technology is in volume production; licensing extends it to new markets and applications.";
        };
    }

    /** API constant to words: EXCLUSIVE_LICENCE -> exclusive licence. */
    private static String label(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String money(String amount) {
        return String.format(Locale.ROOT, "%,.2f", new BigDecimal(amount));
    }
}
