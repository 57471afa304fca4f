package org.upskill.platform.boundary;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param number the page, counting from 1
 * @param size the most items a page holds
 * @param total how many items all pages hold together
 */
public record Page<T>(List<T> items, int number, int size, long total) {

  public Page {
    items = List.copyOf(items);
  }

  public int pageCount() {
    return total == 0 ? 1 : (int) ((total + size - 1) / size);
  }

  public boolean hasPrevious() {
    return number > 1;
  }

  public boolean hasNext() {
    return number < pageCount();
  }
}
