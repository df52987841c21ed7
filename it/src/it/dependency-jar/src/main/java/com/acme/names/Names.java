package com.acme.names;

import org.apache.commons.lang3.StringUtils;

public class Names {

  public String title(String name) {
    return "Dear " + StringUtils.capitalize(name);
  }
}
