package org.laasuite.reporting.render;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * HTML from the Thymeleaf templates in {@code templates/}, and PDF from that same HTML
 * (openhtmltopdf, with Batik drawing the inline SVG charts): one page design for screen and print.
 */
@Singleton
public class Pages {

  private final TemplateEngine engine = new TemplateEngine();

  public Pages() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(Pages.class.getClassLoader());
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  /** {@code print}: the page as it goes into a PDF (no navigation, print sizes). */
  public String html(String template, Map<String, Object> model, boolean print) {
    Context context = new Context(java.util.Locale.UK);
    context.setVariables(model);
    context.setVariable("fmt", Fmt.INSTANCE);
    context.setVariable("print", print);
    return engine.process(template, context);
  }

  public byte[] pdf(String template, Map<String, Object> model) {
    String html = html(template, model, true);
    org.w3c.dom.Document doc = new W3CDom().fromJsoup(Jsoup.parse(html));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.withW3cDocument(doc, "/");
      builder.toStream(out);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
