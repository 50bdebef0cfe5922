package dev.tend.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** A document as PDF: its XHTML laid out by openhtmltopdf (PDFBox), so PDF and HTML say the same. */
public final class Pdf {
    private Pdf() {}

    public static byte[] render(Document document) throws IOException {
        var out = new ByteArrayOutputStream();
        var builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(Html.render(document), null);
        builder.toStream(out);
        builder.run();
        return out.toByteArray();
    }
}
