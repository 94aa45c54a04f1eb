package io.contactcenter.app.web;

import org.springframework.boot.autoconfigure.web.servlet.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pages' shell: the language of each request and the error pages people see. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration {

  /** Named so, the DispatcherServlet uses it for every request (templates and messages). */
  @Bean
  ShellLocaleResolver localeResolver(UserLanguages languages) {
    return new ShellLocaleResolver(languages);
  }

  @Bean
  ErrorViewResolver shellErrorViewResolver() {
    return new ShellErrorViewResolver();
  }
}
