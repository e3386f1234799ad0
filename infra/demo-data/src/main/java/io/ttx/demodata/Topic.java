package io.ttx.demodata;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One technology the catalogue writes about, read from the topic files (resources {@code io/ttx/demodata/topics}).
 * Everything a record says comes from its topic, which keeps field, IPC section, keywords and title in agreement,
 * and lets search tests predict which records a query about the topic should find.
 *
 * @param id            stable slug, e.g. {@code battery-soh}
 * @param ipcCodes      IPC symbols in display form ({@code H01M 10/48}), main classification first
 * @param industryCode  GB/T 4754-2017 class, e.g. {@code C3841}
 * @param forms         plausible achievement forms, the most typical first
 * @param subject       the technology as a noun phrase, the core of every title
 * @param kinds         what is offered (method, system, material, ...)
 * @param approaches    technical qualifiers written to stand in front of the subject
 * @param apps          application domains, used as "面向…的" / "for ..."
 */
public record Topic(String id, Field field, List<String> ipcCodes, String industryCode, List<String> forms,
                    List<Bilingual> keywords, Bilingual subject, List<Bilingual> kinds, List<Bilingual> approaches,
                    List<Bilingual> apps, Bilingual problem, Bilingual advantage, Bilingual indicators,
                    Bilingual applications) {

    public List<String> keywordsZh() {
        return keywords.stream().map(Bilingual::zh).toList();
    }

    public List<String> keywordsEn() {
        return keywords.stream().map(Bilingual::en).toList();
    }

    /** The IPC sections (A-H) this technology belongs to. */
    public Set<String> ipcSections() {
        Set<String> out = new LinkedHashSet<>();
        ipcCodes.forEach(code -> out.add(code.substring(0, 1)));
        return out;
    }
}
