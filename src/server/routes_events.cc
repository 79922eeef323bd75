// GET /api/cases/{id}/events: the case's journal as server-sent events. The stream subscribes to
// the EventHub *before* reading the journal, so an event committed during the replay reaches it
// through the hub; every journal event is sent when its seq is exactly one past the last one
// sent, and a hole (an event the hub delivered before the replay read it, or one the stream
// missed) is filled by reading the journal again — each sequence number goes out once, in order.
#include <algorithm>
#include <charconv>

#include "crew/case.h"
#include "server/case_json.h"
#include "server/detail/routes.h"
#include "store/journal.h"

namespace kontor::server::detail {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using std::chrono::steady_clock;

struct EventStreamState {
  std::string case_id;
  std::int64_t last_seq = 0;
  std::shared_ptr<EventHub::Subscription> subscription;
  bool started = false;
  steady_clock::time_point last_write = steady_clock::now();
};

bool write(httplib::DataSink& sink, EventStreamState& state, const std::string& text) {
  state.last_write = steady_clock::now();
  return sink.write(text.data(), text.size());
}

// Sends the committed events after state.last_seq; false when the client is gone.
bool replay(ServerContext& ctx, httplib::DataSink& sink, EventStreamState& state) {
  store::Journal journal(ctx.workspace.store(), state.case_id);
  bool open = true;
  Status read = journal.read(state.last_seq, [&](const store::JournalEvent& event) -> Status {
    StreamItem item{event.seq, event.type, event_data_line(state.case_id, event)};
    if (!write(sink, state, sse_message(item))) {
      open = false;
      return aborted("stream: client gone");
    }
    state.last_seq = event.seq;
    return ok_status();
  });
  (void)read;  // a storage error here surfaces on the next replay or as a gap never filled
  return open;
}

bool send_item(ServerContext& ctx, httplib::DataSink& sink, EventStreamState& state,
               const StreamItem& item) {
  if (item.seq == 0) return write(sink, state, sse_message(item));
  if (item.seq <= state.last_seq) return true;  // already sent by the replay
  if (item.seq == state.last_seq + 1) {
    state.last_seq = item.seq;
    return write(sink, state, sse_message(item));
  }
  return replay(ctx, sink, state);
}

bool pump(ServerContext& ctx, httplib::DataSink& sink, EventStreamState& state) {
  if (!state.started) {
    state.started = true;
    std::string status = ctx.jobs.status(state.case_id);
    if (status.empty()) {
      auto info = crew::find_case(ctx.workspace.store(), state.case_id);
      status = info.ok() ? info->status : "queued";
    }
    json data = {{"case", state.case_id}, {"type", "case.status"}, {"status", status}};
    if (!write(sink, state, "retry: 2000\n\n" + sse_message({0, "case.status", data.dump()}))) {
      return false;
    }
    return replay(ctx, sink, state);
  }
  const milliseconds heartbeat = ctx.options.heartbeat;
  std::vector<StreamItem> items = state.subscription->wait(std::min(heartbeat, milliseconds(1000)));
  for (const StreamItem& item : items) {
    if (!send_item(ctx, sink, state, item)) return false;
  }
  if (state.subscription->closed()) {
    // Shutdown: the case jobs have stopped; flush every committed event, then end.
    if (!replay(ctx, sink, state)) return false;
    sink.done();
    return true;
  }
  if (steady_clock::now() - state.last_write >= heartbeat) {
    return write(sink, state, ": keep-alive\n\n");
  }
  return true;
}

StatusOr<std::int64_t> last_event_id(const httplib::Request& req) {
  std::string text = req.get_header_value("Last-Event-ID");
  std::string field = "Last-Event-ID";
  if (text.empty() && req.has_param("last_event_id")) {
    text = req.get_param_value("last_event_id");
    field = "last_event_id";
  }
  if (text.empty()) return 0;
  std::int64_t value = -1;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value < 0) {
    return invalid_argument(field + ": expected a non-negative integer, got '" + text + "'");
  }
  return value;
}

void stream_events(ServerContext& ctx, const httplib::Request& req, httplib::Response& res) {
  if (!authorized(ctx, req, res, true)) return;
  if (Status s = check_params(req, {"access_token", "last_event_id"}); !s.ok()) {
    return send_status(res, s);
  }
  const std::string id = req.matches[1];
  const bool known = valid_case_id(id) && (crew::find_case(ctx.workspace.store(), id).ok() ||
                                           !ctx.jobs.status(id).empty());
  if (!known)
    return send_error(res, api_error(404, "not_found", "case '" + id + "': no such case"));
  StatusOr<std::int64_t> last = last_event_id(req);
  if (!last.ok()) return send_status(res, last.status());
  auto state = std::make_shared<EventStreamState>();
  state->case_id = id;
  state->last_seq = *last;
  state->subscription = ctx.hub.subscribe(id);
  res.status = 200;
  res.set_header("Cache-Control", "no-store");
  res.set_header("X-Accel-Buffering", "no");
  res.set_chunked_content_provider(
      "text/event-stream",
      [&ctx, state](std::size_t, httplib::DataSink& sink) { return pump(ctx, sink, *state); },
      [&ctx, state](bool) { ctx.hub.unsubscribe(state->subscription); });
}

}  // namespace

void add_event_routes(httplib::Server& http, ServerContext& ctx) {
  http.Get(R"(/api/cases/([^/]+)/events)",
           [&ctx](const httplib::Request& req, httplib::Response& res) {
             stream_events(ctx, req, res);
           });
}

}  // namespace kontor::server::detail
