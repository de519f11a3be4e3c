/* Speaks qosbed's channel (sim/win32/protocol.hpp) by hand, wrongly in the way its argument names,
 * to check that `qosbed run -- PROGRAM` reports each framing or protocol error and stops the
 * program, never hanging or crashing. Not linked with qosbed_win32: plain POSIX.
 *
 *   huge       a frame whose size field says 4 GiB
 *   magic      a hello that is not qosbed_win32's
 *   version    a hello of channel version 99
 *   first      a bind before any hello
 *   kind       after hello, a request of kind 999
 *   thread     after hello, a request from thread 7, which qosbed never started
 *   malformed  after hello, a bind whose body is 3 bytes long */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { call_hello = 1, call_bind = 5 };
static const uint32_t magic = 0x31574251; /* "QBW1" */

static int requests;
static int responses;

static void put32(unsigned char* at, uint32_t value) {
  memcpy(at, &value, 4);
}

/* One frame: size, kind, thread, then `body`. */
static void send_frame(uint32_t kind, uint32_t thread, const void* body, uint32_t length) {
  unsigned char frame[64];
  put32(frame, 8 + length);
  put32(frame + 4, kind);
  put32(frame + 8, thread);
  memcpy(frame + 12, body, length);
  if (write(requests, frame, 12 + length) != (ssize_t)(12 + length)) exit(10);
}

static void send_hello(uint32_t hello_magic, uint32_t version) {
  unsigned char body[8];
  put32(body, hello_magic);
  put32(body + 4, version);
  send_frame(call_hello, 1, body, 8);
}

/* Reads and skips one reply. */
static void read_reply(void) {
  unsigned char head[12];
  uint32_t size;
  char skip[256];
  if (read(responses, head, 12) != 12) exit(11);
  memcpy(&size, head, 4);
  for (size -= 8; size > 0;) {
    const ssize_t got = read(responses, skip, size < sizeof skip ? size : sizeof skip);
    if (got <= 0) exit(12);
    size -= (uint32_t)got;
  }
}

int main(int argc, char** argv) {
  const char* mode = argc > 1 ? argv[1] : "";
  const char* folder = getenv("QOSBED_CHANNEL");
  char path[4096];
  if (!folder) return 20;
  snprintf(path, sizeof path, "%s/requests", folder);
  requests = open(path, O_WRONLY);
  snprintf(path, sizeof path, "%s/responses", folder);
  responses = open(path, O_RDONLY);
  if (requests < 0 || responses < 0) return 21;
  if (strcmp(mode, "huge") == 0) {
    unsigned char head[12];
    put32(head, 0xFFFFFFFFu);
    put32(head + 4, call_hello);
    put32(head + 8, 1);
    if (write(requests, head, sizeof head) != sizeof head) return 10;
  } else if (strcmp(mode, "magic") == 0) {
    send_hello(0x12345678u, 1);
  } else if (strcmp(mode, "version") == 0) {
    send_hello(magic, 99);
  } else if (strcmp(mode, "first") == 0) {
    send_frame(call_bind, 1, "12345678abcdefgh", 16);
  } else {
    send_hello(magic, 1);
    read_reply();
    if (strcmp(mode, "kind") == 0) send_frame(999, 1, "", 0);
    if (strcmp(mode, "thread") == 0) send_frame(call_bind, 7, "12345678abcdefgh", 16);
    if (strcmp(mode, "malformed") == 0) send_frame(call_bind, 1, "abc", 3);
  }
  /* qosbed must end this process: it never reads a reply again. */
  for (;;) pause();
}
