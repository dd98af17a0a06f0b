package org.laasuite.indicators.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.laasuite.type.v1.ImportProblem;

/** Reads a workbook as the import does, in a JVM of its own (WorkbookMemoryTest starts it with a small heap). */
public final class WorkbookReading {

  private WorkbookReading() {
  }

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    List<ImportProblem> problems = new ArrayList<>();
    List<SheetRow> rows = SimpleViewWorkbook.read(file, problems, p -> { });
    System.out.println("rows " + rows.size() + ", problems " + problems.size() + ", heap "
        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB");
    problems.forEach(p -> System.out.println(p.getDescription()));
    rows.forEach(r -> System.out.println(r.get("code")));
  }
}
