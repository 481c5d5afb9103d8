package th.or.codi.programme.security;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.impl.NamedProcessEngineRestServiceImpl;

/**
 * Every operation of Camunda's REST API, read from the JAX-RS annotations: the root resource's
 * sub-resource locators (a {@code @Path} method without an HTTP method), followed into the types
 * they return, down to each {@code @GET}, {@code @POST}, ... method. A resource method a new
 * Camunda version adds appears here by itself.
 */
final class RestSurface {

  private static final Set<Class<? extends Annotation>> HTTP_METHODS =
      Set.of(GET.class, POST.class, PUT.class, DELETE.class, HEAD.class, OPTIONS.class);

  private RestSurface() {}

  /**
   * {@code "GET /task/{id}/form-variables"}, … relative to the API's root, sorted, each with the
   * media type its body is sent in (the first its {@code @Consumes} names; JSON when none).
   */
  static Map<String, String> operations() {
    Map<String, String> found = new TreeMap<>();
    record Todo(Class<?> type, String prefix) {}
    Deque<Todo> todo = new ArrayDeque<>();
    Set<String> seen = new HashSet<>();
    todo.add(new Todo(DefaultProcessEngineRestServiceImpl.class, ""));
    while (!todo.isEmpty()) {
      Todo next = todo.poll();
      if (!seen.add(next.type().getName() + " " + next.prefix())) {
        continue;
      }
      for (Method method : next.type().getMethods()) {
        Method annotated = annotated(next.type(), method);
        Path path = annotated.getAnnotation(Path.class);
        String template = join(next.prefix(), path == null ? "" : path.value());
        String verb = verb(annotated);
        if (verb != null) {
          Consumes consumes = annotated.getAnnotation(Consumes.class);
          found.put(
              verb + " " + (template.isEmpty() ? "/" : template),
              consumes == null ? "application/json" : consumes.value()[0]);
        } else if (path != null) {
          todo.add(new Todo(method.getReturnType(), template));
        }
      }
    }
    // the named-engine root's own operations (the list of engines); its locators repeat the above
    Path namedRoot = NamedProcessEngineRestServiceImpl.class.getAnnotation(Path.class);
    for (Method method : NamedProcessEngineRestServiceImpl.class.getMethods()) {
      Method annotated = annotated(NamedProcessEngineRestServiceImpl.class, method);
      String verb = verb(annotated);
      if (verb != null) {
        Path path = annotated.getAnnotation(Path.class);
        found.put(
            verb + " " + join(namedRoot.value(), path == null ? "" : path.value()),
            "application/json");
      }
    }
    return found;
  }

  /** The method itself, or the one of an implemented interface that carries the annotations. */
  private static Method annotated(Class<?> type, Method method) {
    if (method.getAnnotation(Path.class) != null || verb(method) != null) {
      return method;
    }
    for (Class<?> c = type; c != null; c = c.getSuperclass()) {
      for (Class<?> i : c.getInterfaces()) {
        try {
          Method declared = i.getMethod(method.getName(), method.getParameterTypes());
          if (declared.getAnnotation(Path.class) != null || verb(declared) != null) {
            return declared;
          }
        } catch (NoSuchMethodException e) {
          // not this interface's
        }
      }
    }
    return method;
  }

  private static String verb(Method method) {
    for (Annotation a : method.getAnnotations()) {
      if (HTTP_METHODS.contains(a.annotationType())) {
        return a.annotationType().getSimpleName();
      }
    }
    return null;
  }

  static String join(String prefix, String path) {
    String p = path.startsWith("/") || path.isEmpty() ? path : "/" + path;
    String joined = prefix + p;
    return joined.endsWith("/") && joined.length() > 1
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }
}
