package io.ttx.demodata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A minimal PDF 1.4 writer: A4 pages of Helvetica text (title, "## " headings, wrapped paragraphs), uncompressed
 * content streams and an exact cross-reference table. Enough for real, openable documents whose text extractors
 * (the backend's indexing) can find the words, without shipping binary test files or a PDF library.
 * Text must be ISO-8859-1 (WinAnsiEncoding agrees with it there); anything else is rejected, not mangled.
 */
public final class PdfWriter {
    private static final int WIDTH = 595, HEIGHT = 842, MARGIN = 56;
    /** Helvetica advance widths (1/1000 em) of the printable ASCII characters 32..126, from the AFM file. */
    private static final int[] WIDTHS = {278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
        278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722,
        667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
        278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
        556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};

    private final List<StringBuilder> pages = new ArrayList<>();
    private StringBuilder page;
    private double y;

    private PdfWriter() { }

    /**
     * The PDF bytes: {@code title} in bold at the top of page one, then {@code lines}: "## text" is a heading,
     * an empty string a paragraph break, anything else body text wrapped to the page width.
     */
    public static byte[] write(String title, List<String> lines) {
        PdfWriter w = new PdfWriter();
        w.newPage();
        w.paragraph(title, "F2", 15, 19);
        w.y -= 8;
        for (String line : lines) {
            if (line.isEmpty()) w.y -= 6;
            else if (line.startsWith("## ")) {
                w.y -= 6;
                w.paragraph(line.substring(3), "F2", 11.5, 15);
            } else w.paragraph(line, "F1", 10, 13);
        }
        return w.assemble(title);
    }

    private void newPage() {
        page = new StringBuilder();
        pages.add(page);
        y = HEIGHT - MARGIN;
    }

    private void paragraph(String text, String font, double size, double leading) {
        for (String line : wrap(text, size * (font.equals("F2") ? 1.08 : 1.0))) {
            if (y - leading < MARGIN) newPage();
            y -= leading;
            page.append("BT /").append(font).append(' ').append(num(size)).append(" Tf ")
                .append(MARGIN).append(' ').append(num(y)).append(" Td (").append(escape(line)).append(") Tj ET\n");
        }
    }

    private static List<String> wrap(String text, double size) {
        double max = (WIDTH - 2 * MARGIN) * 1000 / size;
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && width(candidate) > max) {
                out.add(line.toString());
                line = new StringBuilder(word);
            } else line = new StringBuilder(candidate);
        }
        if (!line.isEmpty()) out.add(line.toString());
        return out;
    }

    private static double width(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c >= 32 && c <= 126 ? WIDTHS[c - 32] : 556;
        }
        return w;
    }

    /** A PDF literal string body: backslash, parentheses escaped; only ISO-8859-1 printable characters. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || (c > 126 && c < 160) || c > 255) {
                throw new IllegalArgumentException("not a WinAnsi text character: U+" + Integer.toHexString(c) + " in: " + s);
            }
            if (c == '\\' || c == '(' || c == ')') out.append('\\');
            out.append(c);
        }
        return out.toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    /** Objects: 1 catalog, 2 page tree, 3-4 fonts, 5 info, then a page and its content stream per page. */
    private byte[] assemble(String title) {
        List<byte[]> objects = new ArrayList<>();
        StringBuilder kids = new StringBuilder();
        for (int i = 0; i < pages.size(); i++) kids.append(i == 0 ? "" : " ").append(6 + 2 * i).append(" 0 R");
        objects.add(latin1("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.add(latin1("<< /Type /Pages /Kids [" + kids + "] /Count " + pages.size() + " >>"));
        objects.add(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.add(latin1("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
        objects.add(latin1("<< /Title (" + escape(title) + ") /Producer (TTX demo-data) /CreationDate (D:20250101000000Z) >>"));
        for (int i = 0; i < pages.size(); i++) {
            objects.add(latin1("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + WIDTH + " " + HEIGHT + "] "
                + "/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents " + (7 + 2 * i) + " 0 R >>"));
            byte[] content = latin1(pages.get(i).toString().stripTrailing());
            objects.add(concat(latin1("<< /Length " + content.length + " >>\nstream\n"), content, latin1("\nendstream")));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(latin1("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        long[] offsets = new long[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = out.size();
            out.writeBytes(latin1((i + 1) + " 0 obj\n"));
            out.writeBytes(objects.get(i));
            out.writeBytes(latin1("\nendobj\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (long offset : offsets) table.append(String.format("%010d 00000 n \n", offset));
        table.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R /Info 5 0 R >>\n")
            .append("startxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(latin1(table.toString()));
        return out.toByteArray();
    }

    private static byte[] latin1(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }
}
