package dev.refreshcdn;

import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * The start of an answer's body, at most a limit of bytes: past it the rest is refused (the stream is
 * cancelled, which closes the connection), so a server sending hundreds of megabytes cannot fill the heap.
 */
final class BoundedBody {
  /** The bytes kept; {@link #cut} when the body went on past them. */
  final byte[] bytes;
  final boolean cut;

  private BoundedBody(byte[] bytes, boolean cut) {
    this.bytes = bytes;
    this.cut = cut;
  }

  String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Keeps at most {@code okLimit} bytes of a 200 answer and {@code otherLimit} of any other. */
  static HttpResponse.BodyHandler<BoundedBody> handler(int okLimit, int otherLimit) {
    return info -> new Reader(info.statusCode() == 200 ? okLimit : otherLimit);
  }

  private static final class Reader implements HttpResponse.BodySubscriber<BoundedBody> {
    private final int limit;
    private final CompletableFuture<BoundedBody> result = new CompletableFuture<>();
    private byte[] buffer = new byte[0];
    private int size;
    private Flow.Subscription subscription;

    Reader(int limit) {
      this.limit = limit;
    }

    @Override
    public CompletionStage<BoundedBody> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer item : items) {
        if (item.remaining() > limit - size) {
          append(item, limit - size);
          subscription.cancel();
          result.complete(new BoundedBody(Arrays.copyOf(buffer, size), true));
          return;
        }
        append(item, item.remaining());
      }
      subscription.request(1);
    }

    private void append(ByteBuffer item, int length) {
      if (size + length > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.min(limit, Math.max(size + length, buffer.length * 2)));
      }
      item.get(buffer, size, length);
      size += length;
    }

    @Override
    public void onError(Throwable error) {
      result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
      result.complete(new BoundedBody(Arrays.copyOf(buffer, size), false));
    }
  }
}
