package th.or.codi.programme.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;
import th.or.codi.programme.messages.Messages;

/**
 * Spring Boot's error page {@code /error} requested directly, not forwarded to by a real error: it
 * has no error to show, and Boot would answer 500 ("status 999"). It is a page that does not exist
 * for a client, so 404 in Thai and English. Registered for direct requests only; the container's
 * forward of a real error (dispatcher type ERROR) keeps Boot's answer and status.
 */
public class ErrorPathRequests extends OncePerRequestFilter {

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException {
    response.setStatus(HttpServletResponse.SC_NOT_FOUND);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"NotFound\",\"message\":\""
                + Messages.both("web.errorPath.notFound")
                + "\",\"code\":0}");
  }
}
