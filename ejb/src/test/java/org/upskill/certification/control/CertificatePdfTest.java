package org.upskill.certification.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {

  static final String URL = "https://upskill.example/verify/7KQ2M9XD4HTA0PZE";

  static byte[] pdf(LocalDate validUntil, String name) {
    return CertificatePdf.render(
        new CertificatePdf.Content(
            name,
            "GDPR for data scientists",
            2,
            LocalDate.parse("2026-11-30"),
            validUntil,
            "Upskill",
            "7KQ2M9XD4HTA0PZE",
            URL));
  }

  @Test
  void theTextSaysWhoWhatWhenUntilWhenAndTheCode() throws Exception {
    try (var document = Loader.loadPDF(pdf(LocalDate.parse("2027-11-30"), "Priya Shah"))) {
      var text = new PDFTextStripper().getText(document);
      var page = document.getPage(0).getMediaBox();
      assertAll(
          () -> assertTrue(text.contains("Certificate of completion"), text),
          () -> assertTrue(text.contains("Priya Shah"), text),
          () -> assertTrue(text.contains("GDPR for data scientists"), text),
          () -> assertTrue(text.contains("Course version 2, completed on 30 November 2026"), text),
          () -> assertTrue(text.contains("Valid until 30 November 2027"), text),
          () -> assertTrue(text.contains("Upskill"), text),
          () -> assertTrue(text.contains("7KQ2-M9XD-4HTA-0PZE"), text),
          () -> assertTrue(text.contains(URL), text),
          () -> assertTrue(page.getWidth() > page.getHeight(), "landscape"),
          () -> assertEquals(842, Math.round(page.getWidth()), "A4"),
          () -> assertEquals("en-GB", document.getDocumentCatalog().getLanguage()),
          () ->
              assertTrue(
                  document
                      .getDocumentInformation()
                      .getTitle()
                      .contains("GDPR for data scientists")),
          () -> assertTrue(document.getDocumentCatalog().getViewerPreferences().displayDocTitle()));
      // Every font is embedded
      for (var name : document.getPage(0).getResources().getFontNames()) {
        var font = document.getPage(0).getResources().getFont(name);
        assertTrue(font instanceof PDType0Font && font.isEmbedded(), font.getName());
      }
    }
  }

  @Test
  void theQrCodeOpensTheVerificationPage() throws Exception {
    try (var document = Loader.loadPDF(pdf(null, "Priya Shah"))) {
      var image = new PDFRenderer(document).renderImageWithDPI(0, 150);
      var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
      assertEquals(URL, new QRCodeReader().decode(bitmap).getText());
      assertTrue(
          new PDFTextStripper().getText(document).contains("This certificate does not expire."));
    }
  }

  @Test
  void aLongNameAndNonLatinLettersFit() throws Exception {
    var name =
        "Siobhán Ní Bhriain-Oyelaran-Żółkiewska Wolfeschlegelsteinhausenbergerdorff Þórsdóttir";
    try (var document = Loader.loadPDF(pdf(null, name))) {
      assertTrue(new PDFTextStripper().getText(document).contains(name));
    }
  }
}
