package dev.trap.internal.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodMetadataTest {

  @Test
  void metadata_should_read_back_what_was_written_whatever_the_names_hold() {
    List<String> names = Arrays.asList("a b", "c,d", "e(f)");
    String descriptor = "([[Lcom/acme/Odd)Name;JLjava/lang/String;)[Ljava/util/List;";
    MethodMetadata metadata = new MethodMetadata(MethodMetadata.encode(0x1009, 42,
        "with space", descriptor, names, "dir/Some File.kt"));

    assertEquals(0x1009, metadata.access);
    assertEquals(42, metadata.line);
    assertEquals("with space", metadata.name);
    assertEquals(descriptor, metadata.descriptor);
    assertEquals(names, metadata.parameterNames(3));
    assertEquals("dir/Some File.kt", metadata.sourceFile());
  }

  @Test
  void metadata_should_tell_missing_names_line_and_source_file() {
    MethodMetadata metadata = new MethodMetadata(MethodMetadata.encode(1, -1, "<init>", "(I)V",
        null, null));

    assertEquals(-1, metadata.line);
    assertNull(metadata.parameterNames(1));
    assertNull(metadata.sourceFile());
    assertEquals("1 -1 <init>/(I)V-", MethodMetadata.encode(1, -1, "<init>", "(I)V", null, null));
  }

  @Test
  void malformed_metadata_should_fail_with_what_to_do() {
    for (String malformed : new String[] {"", "1 2", "1 2 name", "1 2 name/(I)V", "x 2 n/()V-",
        "1 2 n/()V?"}) {
      IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class,
          () -> new MethodMetadata(malformed), malformed);
      assertEquals("Malformed trap metadata '" + malformed + "': the class was woven by another"
          + " version of Trap than this runtime. Use the same version of trap-maven-plugin and"
          + " trap-runtime, and rebuild (mvn clean).", thrown.getMessage());
    }
  }
}
