package org.upskill.certification.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A certificate as an A4 landscape PDF (Apache PDFBox): holder, course, version, completion and
 * expiry dates, issuer, verification code and a QR code (ZXing, drawn as vector squares) that opens
 * the public verification page. Liberation Sans is embedded (subset), so the PDF shows the same
 * everywhere; the document has a title (shown in the viewer's title bar) and a language.
 */
public final class CertificatePdf {

  /** What the certificate says. */
  public record Content(
      String holderName,
      String courseTitle,
      int courseVersion,
      LocalDate completedOn,
      LocalDate validUntil,
      String issuer,
      String code,
      String verifyUrl) {}

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
  private static final float WIDTH = PDRectangle.A4.getHeight();
  private static final float HEIGHT = PDRectangle.A4.getWidth();

  private CertificatePdf() {}

  /** The PDF's bytes. */
  public static byte[] render(Content content) {
    try (var document = new PDDocument()) {
      var page = new PDPage(new PDRectangle(WIDTH, HEIGHT));
      document.addPage(page);
      var regular = font(document, "liberation/LiberationSans-Regular.ttf");
      var bold = font(document, "liberation/LiberationSans-Bold.ttf");

      var info = document.getDocumentInformation();
      info.setTitle("Certificate: " + content.courseTitle() + " – " + content.holderName());
      info.setAuthor(content.issuer());
      info.setSubject("Certificate of completion, verification code " + content.code());
      info.setCreator("Upskill");
      var catalog = document.getDocumentCatalog();
      catalog.setLanguage("en-GB");
      var preferences = new PDViewerPreferences(new COSDictionary());
      preferences.setDisplayDocTitle(true);
      catalog.setViewerPreferences(preferences);

      try (var out = new PDPageContentStream(document, page)) {
        // A plain border
        out.setStrokingColor(0.0f, 0.37f, 0.72f); // NHS blue
        out.setLineWidth(6);
        out.addRect(24, 24, WIDTH - 48, HEIGHT - 48);
        out.stroke();
        out.setNonStrokingColor(0f, 0f, 0f);

        centred(out, regular, 14, HEIGHT - 80, content.issuer());
        centred(out, bold, 30, HEIGHT - 130, "Certificate of completion");
        centred(out, regular, 14, HEIGHT - 175, "This certifies that");
        centred(
            out,
            bold,
            fit(bold, content.holderName(), 32, WIDTH - 140),
            HEIGHT - 220,
            content.holderName());
        centred(out, regular, 14, HEIGHT - 260, "has completed");
        centred(
            out,
            bold,
            fit(bold, content.courseTitle(), 24, WIDTH - 140),
            HEIGHT - 300,
            content.courseTitle());
        centred(
            out,
            regular,
            14,
            HEIGHT - 340,
            "Course version "
                + content.courseVersion()
                + ", completed on "
                + DATE.format(content.completedOn()));
        centred(
            out,
            regular,
            14,
            HEIGHT - 365,
            content.validUntil() == null
                ? "This certificate does not expire."
                : "Valid until " + DATE.format(content.validUntil()));

        text(
            out,
            bold,
            12,
            60,
            120,
            "Verification code: " + VerificationCode.display(content.code()));
        text(out, regular, 11, 60, 100, "Check this certificate at");
        text(out, regular, 11, 60, 84, content.verifyUrl());
        text(out, regular, 11, 60, 64, "or scan the QR code.");

        qr(out, content.verifyUrl(), WIDTH - 60 - 110, 52, 110);
      }
      var link = new PDAnnotationLink();
      link.setRectangle(new PDRectangle(WIDTH - 170, 52, 110, 110));
      var border = new PDBorderStyleDictionary();
      border.setWidth(0);
      link.setBorderStyle(border);
      var action = new PDActionURI();
      action.setURI(content.verifyUrl());
      link.setAction(action);
      link.setContents("Verify this certificate");
      page.getAnnotations().add(link);

      var bytes = new ByteArrayOutputStream();
      document.save(bytes);
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static PDFont font(PDDocument document, String resource) throws IOException {
    try (var in = CertificatePdf.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("Font " + resource + " is not on the class path");
      }
      return PDType0Font.load(document, in);
    }
  }

  /** The largest size up to {@code size} at which the text fits {@code width}. */
  private static float fit(PDFont font, String text, float size, float width) throws IOException {
    var natural = font.getStringWidth(text) / 1000 * size;
    return natural <= width ? size : Math.max(10, size * width / natural);
  }

  private static void centred(
      PDPageContentStream out, PDFont font, float size, float y, String text) throws IOException {
    var width = font.getStringWidth(text) / 1000 * size;
    text(out, font, size, (WIDTH - width) / 2, y, text);
  }

  private static void text(
      PDPageContentStream out, PDFont font, float size, float x, float y, String text)
      throws IOException {
    out.beginText();
    out.setFont(font, size);
    out.newLineAtOffset(x, y);
    out.showText(text);
    out.endText();
  }

  /** The QR code of {@code url} as filled squares, {@code size} points wide, lower left at x, y. */
  private static void qr(PDPageContentStream out, String url, float x, float y, float size)
      throws IOException {
    BitMatrix matrix;
    try {
      matrix =
          new QRCodeWriter()
              .encode(
                  url,
                  BarcodeFormat.QR_CODE,
                  0,
                  0,
                  Map.of(
                      EncodeHintType.MARGIN,
                      0,
                      EncodeHintType.ERROR_CORRECTION,
                      ErrorCorrectionLevel.M,
                      EncodeHintType.CHARACTER_SET,
                      "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("The verification address does not fit a QR code", e);
    }
    var modules = matrix.getWidth();
    var unit = size / modules;
    for (int row = 0; row < modules; row++) {
      for (int column = 0; column < modules; column++) {
        if (matrix.get(column, row)) {
          out.addRect(x + column * unit, y + size - (row + 1) * unit, unit, unit);
        }
      }
    }
    out.fill();
  }
}
