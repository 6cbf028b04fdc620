package io.k8tre.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Turns a {@link PageException} from any controller into its page or JSON problem. */
@ControllerAdvice
class PageExceptionAdvice {

  @ExceptionHandler(PageException.class)
  Object page(PageException e, HttpServletRequest request, HttpServletResponse response) {
    return ErrorPages.render(request, response, e.status(), e.reason(), e.explanation());
  }
}
