#include "server/event_hub.h"

namespace kontor::server {

using nlohmann::json;

std::vector<StreamItem> EventHub::Subscription::wait(std::chrono::milliseconds timeout) {
  std::unique_lock lock(mutex_);
  ready_.wait_for(lock, timeout, [&] { return closed_ || !items_.empty(); });
  std::vector<StreamItem> out(std::make_move_iterator(items_.begin()),
                              std::make_move_iterator(items_.end()));
  items_.clear();
  return out;
}

bool EventHub::Subscription::closed() const {
  std::lock_guard lock(mutex_);
  return closed_;
}

void EventHub::Subscription::push(StreamItem item) {
  {
    std::lock_guard lock(mutex_);
    items_.push_back(std::move(item));
  }
  ready_.notify_one();
}

void EventHub::Subscription::close() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  ready_.notify_all();
}

std::shared_ptr<EventHub::Subscription> EventHub::subscribe(const std::string& case_id) {
  auto subscription = std::make_shared<Subscription>(case_id);
  std::lock_guard lock(mutex_);
  if (closed_) {
    subscription->close();
  } else {
    streams_.emplace(case_id, subscription);
  }
  return subscription;
}

void EventHub::unsubscribe(const std::shared_ptr<Subscription>& subscription) {
  std::lock_guard lock(mutex_);
  auto [first, last] = streams_.equal_range(subscription->case_id());
  for (auto it = first; it != last; ++it) {
    if (it->second == subscription) {
      streams_.erase(it);
      return;
    }
  }
}

std::size_t EventHub::subscribers() const {
  std::lock_guard lock(mutex_);
  return streams_.size();
}

void EventHub::deliver(const std::string& case_id, const StreamItem& item) {
  std::lock_guard lock(mutex_);
  auto [first, last] = streams_.equal_range(case_id);
  for (auto it = first; it != last; ++it) it->second->push(item);
}

void EventHub::publish(const std::string& case_id, const std::string& event, json data) {
  data["case"] = case_id;
  data["type"] = event;
  deliver(case_id, StreamItem{0, event, data.dump()});
}

void EventHub::close() {
  std::lock_guard lock(mutex_);
  closed_ = true;
  for (auto& [case_id, subscription] : streams_) subscription->close();
  streams_.clear();
}

std::map<std::string, TaskProgress> EventHub::progress(const std::string& case_id) const {
  std::lock_guard lock(mutex_);
  auto it = progress_.find(case_id);
  return it == progress_.end() ? std::map<std::string, TaskProgress>{} : it->second;
}

void EventHub::on_event(const store::JournalEvent& event, const crew::CaseState& state) {
  if (event.type.starts_with("task.") && event.data.contains("task") &&
      event.data["task"].is_string()) {
    std::lock_guard lock(mutex_);
    auto it = progress_.find(state.case_id);
    if (it != progress_.end()) {
      it->second.erase(event.data["task"].get<std::string>());
      if (it->second.empty()) progress_.erase(it);
    }
  }
  deliver(state.case_id, StreamItem{event.seq, event.type, event_data_line(state.case_id, event)});
}

void EventHub::on_progress(const crew::CaseState& state, std::string_view task_id,
                           std::int64_t done, std::int64_t total, std::string_view what) {
  {
    std::lock_guard lock(mutex_);
    progress_[state.case_id][std::string(task_id)] = {done, total, std::string(what)};
  }
  json data = {{"case", state.case_id}, {"type", "task.progress"}, {"task", task_id},
               {"done", done},          {"total", total},          {"what", what}};
  deliver(state.case_id, StreamItem{0, "task.progress", data.dump()});
}

std::string event_data_line(const std::string& case_id, const store::JournalEvent& event) {
  return json{{"case", case_id},
              {"seq", event.seq},
              {"type", event.type},
              {"at", event.at},
              {"data", event.data}}
      .dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string sse_message(const StreamItem& item) {
  std::string out;
  out.reserve(item.data.size() + item.event.size() + 32);
  if (item.seq > 0) out += "id: " + std::to_string(item.seq) + "\n";
  out += "event: " + item.event + "\ndata: " + item.data + "\n\n";
  return out;
}

}  // namespace kontor::server
