package th.or.codi.programme.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import th.or.codi.programme.messages.Messages;

/**
 * Refuses a request body larger than the limit with 413 and a message in Thai and English, before
 * anything reads it: by its Content-Length, or, when it is sent in chunks, by reading at most the
 * limit. One kind of request may have a larger limit of its own: the upload of evidence files (POST
 * to a path the {@code larger} pattern matches, within the application's context path), whose own
 * service then checks each file and the task's total.
 */
public class RequestSizeLimit extends OncePerRequestFilter {

  private final long defaultMaxBytes;
  private final Pattern larger;
  private final long largerMaxBytes;

  public RequestSizeLimit(long maxBytes) {
    this(maxBytes, null, maxBytes);
  }

  public RequestSizeLimit(long maxBytes, Pattern larger, long largerMaxBytes) {
    this.defaultMaxBytes = maxBytes;
    this.larger = larger;
    this.largerMaxBytes = largerMaxBytes;
  }

  /** The limit of this request. */
  long limitOf(HttpServletRequest request) {
    if (larger == null || !"POST".equals(request.getMethod())) {
      return defaultMaxBytes;
    }
    String path = request.getRequestURI();
    String context = request.getContextPath();
    if (path == null) {
      return defaultMaxBytes;
    }
    if (context != null && !context.isEmpty() && path.startsWith(context)) {
      path = path.substring(context.length());
    }
    return larger.matcher(path).matches() ? largerMaxBytes : defaultMaxBytes;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long maxBytes = limitOf(request);
    long declared = request.getContentLengthLong();
    if (declared > maxBytes) {
      refuse(response, maxBytes);
      return;
    }
    if (declared < 0 && request.getHeader("Transfer-Encoding") != null) {
      byte[] body = readAtMost(request.getInputStream(), maxBytes + 1);
      if (body.length > maxBytes) {
        refuse(response, maxBytes);
        return;
      }
      chain.doFilter(new CachedBody(request, body), response);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(HttpServletResponse response, long maxBytes) throws IOException {
    long kb = maxBytes / 1024;
    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"RequestTooLarge\",\"message\":\""
                + Messages.both("web.requestSizeLimit.tooLarge", kb)
                + "\",\"code\":0}");
  }

  private static byte[] readAtMost(InputStream in, long limit) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while (out.size() < limit
        && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - out.size()))) > 0) {
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static final class CachedBody extends HttpServletRequestWrapper {
    private final byte[] body;

    CachedBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) {
          return in.read(b, off, len);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException();
        }
      };
    }

    @Override
    public java.io.BufferedReader getReader() {
      return new java.io.BufferedReader(
          new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
