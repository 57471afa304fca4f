package org.upskill.catalog.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class CourseCatalogTest {

  @Test
  void searchTextBecomesACaseInsensitiveContainsPattern() {
    assertEquals("%python%", CourseCatalog.likePattern("  Python "));
  }

  @Test
  void likeWildcardsTypedByTheUserAreTakenLiterally() {
    assertEquals("%100\\%\\_sure%", CourseCatalog.likePattern("100%_sure"));
  }

  @Test
  void blankSearchListsEverything() {
    assertNull(CourseCatalog.likePattern("   "));
    assertNull(CourseCatalog.likePattern(null));
  }
}
