package io.ttx.documents;

import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/** Real PDF files made in the test (PDFBox, which the text extraction brings along), well-behaved and hostile. */
public final class Pdfs {
    private Pdfs() { }

    public static byte[] withText(String... lines) {
        return pages(1, lines);
    }

    /** {@code pages} pages, each showing the same lines. */
    public static byte[] pages(int pages, String... lines) {
        try (PDDocument doc = new PDDocument()) {
            for (int p = 0; p < pages; p++) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 8);
                    cs.newLineAtOffset(36, 760);
                    for (String line : lines) {
                        cs.showText(line);
                        cs.newLineAtOffset(0, -10);
                    }
                    cs.endText();
                }
            }
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A few kilobytes that never finish parsing: form XObjects nested 24 deep, each drawing the next one four times, so
     * a text extractor walks 4^24 forms (a PDF "billion laughs"); nothing in it grows memory.
     */
    public static byte[] endless() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDFormXObject inner = form(doc, null, "BT /F1 8 Tf (x) Tj ET".getBytes(StandardCharsets.US_ASCII));
            for (int level = 0; level < 24; level++) {
                inner = form(doc, inner, "/X Do /X Do /X Do /X Do".getBytes(StandardCharsets.US_ASCII));
            }
            PDResources resources = new PDResources();
            resources.put(COSName.getPDFName("X"), inner);
            page.setResources(resources);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(inner);
            }
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Half a megabyte that inflates to one 512 MB string in the content stream: more than the extraction heap. */
    public static byte[] bomb() {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            PDStream content = new PDStream(doc);
            content.getCOSObject().setItem(COSName.FILTER, COSName.FLATE_DECODE);
            byte[] chunk = "A".repeat(1024 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream raw = content.getCOSObject().createRawOutputStream();
                 DeflaterOutputStream out = new DeflaterOutputStream(raw, new Deflater(Deflater.BEST_COMPRESSION), 64 * 1024)) {
                out.write("BT /F1 12 Tf (".getBytes(StandardCharsets.US_ASCII));
                for (int i = 0; i < 512; i++) out.write(chunk);
                out.write(") Tj ET".getBytes(StandardCharsets.US_ASCII));
            }
            page.setContents(content);
            return save(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PDFormXObject form(PDDocument doc, PDFormXObject next, byte[] content) throws IOException {
        PDFormXObject form = new PDFormXObject(doc);
        form.setBBox(new PDRectangle(0, 0, 10, 10));
        PDResources resources = new PDResources();
        if (next != null) resources.put(COSName.getPDFName("X"), next);
        else resources.put(COSName.getPDFName("F1"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
        form.setResources(resources);
        try (OutputStream out = form.getContentStream().createOutputStream()) {
            out.write(content);
        }
        return form;
    }

    private static byte[] save(PDDocument doc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
