package io.ttx.demodata;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The generated PDFs are structurally sound (header, objects, exact xref, trailer) and carry their text. */
class PdfWriterTests {
    private static final Pattern TJ = Pattern.compile("\\((.*)\\) Tj");

    @Test
    void documentsAreBriefsOfCatalogueAchievements() {
        List<DemoDocument> docs = DemoCatalogue.documents();
        assertThat(docs).hasSizeGreaterThanOrEqualTo(5);
        assertThat(docs.stream().map(DemoDocument::filename)).doesNotHaveDuplicates().allMatch(f -> f.endsWith(".pdf"));
        long confidential = docs.stream().filter(d -> d.confidentiality().equals("CONFIDENTIAL")).count();
        assertThat(confidential).isBetween(1L, 2L);
        assertThat(docs).allMatch(d -> d.confidentiality().equals("PUBLIC") || d.confidentiality().equals("CONFIDENTIAL"));
        for (DemoDocument d : docs) {
            DemoAchievement a = DemoCatalogue.achievements().get(d.achievementIndex());
            assertThat(d.title()).isEqualTo(a.title().en());
            assertThat(d.contentType()).isEqualTo("application/pdf");
        }
    }

    @Test
    void briefsAreValidPdfsContainingTitleAndEnoughText() {
        for (DemoDocument d : DemoCatalogue.documents()) {
            byte[] pdf = d.bytes();
            checkStructure(pdf);
            String text = String.join(" ", textLines(pdf));
            assertThat(text).as(d.filename()).contains(d.title());
            Topic topic = DemoCatalogue.topic(DemoCatalogue.achievements().get(d.achievementIndex()).topicId());
            assertThat(text).contains(topic.keywordsEn().getFirst());
            assertThat(textLines(pdf).size()).as(d.filename() + " text lines").isBetween(21, 62);
            if (d.confidentiality().equals("CONFIDENTIAL")) assertThat(text).contains("CONFIDENTIAL");
        }
    }

    @Test
    void longDocumentsBreakIntoPagesWithAValidCrossReference() {
        List<String> lines = IntStream.range(0, 150).mapToObj(i -> "Line " + i + " about (bracketed) text with a \\ backslash").toList();
        byte[] pdf = PdfWriter.write("Paging test", lines);
        checkStructure(pdf);
        assertThat(latin1(pdf)).contains("/Count 3");
        assertThat(textLines(pdf)).contains("Line 149 about (bracketed) text with a \\ backslash");
    }

    @Test
    void textOutsideWinAnsiIsRejected() {
        assertThatThrownBy(() -> PdfWriter.write("锂电池", List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(PdfWriter.escape("60 °C, 5 µm (max)")).isEqualTo("60 °C, 5 µm \\(max\\)");
    }

    /** Header, binary comment, xref entries pointing at "n 0 obj", correct stream lengths, trailer and %%EOF. */
    static void checkStructure(byte[] pdf) {
        String s = latin1(pdf);
        assertThat(s).startsWith("%PDF-1.4\n");
        assertThat(s.stripTrailing()).endsWith("%%EOF");
        Matcher start = Pattern.compile("startxref\\n(\\d+)\\n%%EOF\\s*$").matcher(s);
        assertThat(start.find()).isTrue();
        int xref = Integer.parseInt(start.group(1));
        assertThat(s.substring(xref)).startsWith("xref\n0 ");
        String[] rows = s.substring(xref).split("\n");
        int size = Integer.parseInt(rows[1].split(" ")[1]);
        assertThat(rows[2]).isEqualTo("0000000000 65535 f ");
        for (int i = 1; i < size; i++) {
            String row = rows[2 + i];
            assertThat(row).matches("\\d{10} 00000 n ");
            assertThat(row.length() + 1).as("20-byte xref entries").isEqualTo(20);
            int offset = Integer.parseInt(row.substring(0, 10));
            assertThat(s.substring(offset)).as("object " + i).startsWith(i + " 0 obj\n");
        }
        assertThat(s).contains("trailer\n<< /Size " + size + " /Root 1 0 R");
        Matcher stream = Pattern.compile("<< /Length (\\d+) >>\\nstream\\n").matcher(s);
        int streams = 0;
        while (stream.find()) {
            streams++;
            int end = stream.end() + Integer.parseInt(stream.group(1));
            assertThat(s.substring(end)).startsWith("\nendstream\nendobj\n");
        }
        assertThat(streams).isPositive();
    }

    /** The strings shown by Tj operators, unescaped, in page order: a tiny text extraction. */
    static List<String> textLines(byte[] pdf) {
        List<String> out = new ArrayList<>();
        Matcher m = TJ.matcher(latin1(pdf));
        while (m.find()) out.add(m.group(1).replaceAll("\\\\([()\\\\])", "$1"));
        return out;
    }

    private static String latin1(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
