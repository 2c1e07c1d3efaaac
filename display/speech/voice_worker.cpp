#include "speech/voice_worker.h"

#include <utility>

#include "speech/voice.h"

namespace pcn::speech {

Synthesize espeak_voice() {
  return [](const std::string& text) -> util::Result<Pcm> {
    unsigned rate = 0;
    auto samples = speak(text, &rate);
    if (!samples.ok()) return samples.error();
    return Pcm{std::move(*samples), rate};
  };
}

VoiceWorker::VoiceWorker(Synthesize synthesize)
    : synthesize_(std::move(synthesize)), thread_([this] { run(); }) {}

VoiceWorker::~VoiceWorker() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

std::shared_future<util::Result<Pcm>> VoiceWorker::prepare(std::string text) {
  std::shared_future<util::Result<Pcm>> ready;
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Job{std::move(text), {}});
    ready = jobs_.back().result.get_future().share();
  }
  wake_.notify_one();
  return ready;
}

void VoiceWorker::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job.result.set_value(synthesize_(job.text));
  }
}

}  // namespace pcn::speech
