package io.ttx.demodata;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One generated achievement listing: the values of a POST /api/v1/achievements body plus where it came from
 * ({@code index} in the catalogue, {@code topicId}) and which demo client posts it ({@code owner}).
 * {@link #json()} is the request body exactly as the loader sends it.
 *
 * @param openLicenceFee declared open-licence fee in yuan ("50000.00"), only when {@code openLicence}
 */
public record DemoAchievement(int index, String topicId, String owner, Bilingual title, Bilingual summary,
                              String problemSolved, String advantages, String technicalIndicators,
                              String applications, List<String> keywords, Field field, List<String> ipcCodes,
                              String industryCode, String region, int trl, String stage, String form,
                              List<Inventor> inventors, Contact contact, List<Patent> patents, boolean openLicence,
                              String openLicenceFee, Offer offer) {

    /** An inventor and the percentage share (at most two decimals; the shares of a record sum to 100). */
    public record Inventor(String name, BigDecimal share) { }

    public record Contact(String name, String email, String phone) { }

    /**
     * A Chinese patent or application. Kind A: published application (PENDING); B: granted invention; U: utility
     * model (granted on publication). grantDate and expiryDate are null while pending.
     */
    public record Patent(String applicationNumber, String publicationNumber, String kind, LocalDate filingDate,
                         LocalDate grantDate, LocalDate expiryDate, String legalStatus) {
        public String office() {
            return "CN";
        }

        Map<String, Object> body() {
            return Json.object("office", office(), "applicationNumber", applicationNumber,
                "publicationNumber", publicationNumber, "kind", kind, "filingDate", iso(filingDate),
                "grantDate", iso(grantDate), "expiryDate", iso(expiryDate), "legalStatus", legalStatus);
        }
    }

    /** @param askingPrice yuan with two decimals, or null when the price is on request */
    public record Offer(List<String> transferModes, String tradeMethod, String askingPrice) {
        Map<String, Object> body() {
            return Json.object("transferModes", transferModes, "tradeMethod", tradeMethod,
                "askingPrice", money(askingPrice));
        }
    }

    /** The request body as a map (ordered as the API documents it); absent values are left out. */
    public Map<String, Object> body() {
        return Json.object(
            "title", title.body(), "summary", summary.body(),
            "problemSolved", problemSolved, "advantages", advantages,
            "technicalIndicators", technicalIndicators, "applications", applications,
            "keywords", keywords, "field", field.name(), "ipcCodes", ipcCodes, "industryCode", industryCode,
            "region", region, "trl", trl, "stage", stage, "form", form,
            "inventors", inventors.stream().map(i -> Json.object("name", i.name(), "share", i.share())).toList(),
            "contact", Json.object("name", contact.name(), "email", contact.email(), "phone", contact.phone()),
            "patents", patents.isEmpty() ? null : patents.stream().map(Patent::body).toList(),
            "openLicence", openLicence, "openLicenceFee", money(openLicenceFee),
            "offer", offer.body());
    }

    /** The POST /api/v1/achievements body. */
    public String json() {
        return Json.write(body());
    }

    static Map<String, Object> money(String amount) {
        return amount == null ? null : Json.object("amount", amount, "currency", "CNY");
    }

    static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
