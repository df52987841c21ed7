package dev.trap.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Eclipse's m2e reads the plugin's lifecycle mapping to decide what to run on its own builds: it
 * must ignore both goals, since a woven copy in the IDE would only be written, never read (IDE
 * runs use Trap's agent), and an unmapped goal makes m2e mark the pom with an error.
 */
class M2eMappingTest {

  @Test
  void mapping_should_ignoreBothGoals() throws Exception {
    Document mapping;
    try (InputStream in = getClass().getResourceAsStream(
        "/META-INF/m2e/lifecycle-mapping-metadata.xml")) {
      assertNotNull(in, "the plugin jar carries no m2e mapping");
      mapping = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
    }
    List<String> ignored = new ArrayList<>();
    NodeList executions = mapping.getElementsByTagName("pluginExecution");
    for (int i = 0; i < executions.getLength(); i++) {
      Element execution = (Element) executions.item(i);
      if (execution.getElementsByTagName("ignore").getLength() == 1) {
        NodeList goals = execution.getElementsByTagName("goal");
        for (int j = 0; j < goals.getLength(); j++) {
          ignored.add(goals.item(j).getTextContent().trim());
        }
      }
    }
    assertEquals(List.of("weave", "restore"), ignored);
  }
}
