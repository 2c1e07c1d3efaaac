// Prepares voice samples on a background thread, so the screen never waits for espeak-ng.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <string>
#include <thread>

#include "speech/wav.h"
#include "util/result.h"

namespace pcn::speech {

/// Turns a sentence into sound; the real one runs espeak-ng (speak()).
using Synthesize = std::function<util::Result<Pcm>(const std::string& text)>;

/// The Synthesize that runs espeak-ng with the default VoiceCommand.
Synthesize espeak_voice();

/// One thread that synthesizes queued sentences in order. Not copyable.
class VoiceWorker {
 public:
  explicit VoiceWorker(Synthesize synthesize);
  VoiceWorker(const VoiceWorker&) = delete;
  VoiceWorker& operator=(const VoiceWorker&) = delete;
  /// Finishes the sentence in progress, drops the others, joins the thread.
  ~VoiceWorker();

  /// Queues `text`; returns at once. The future becomes ready when its sound (or error) is.
  std::shared_future<util::Result<Pcm>> prepare(std::string text);

 private:
  struct Job {
    std::string text;
    std::promise<util::Result<Pcm>> result;
  };
  void run();

  Synthesize synthesize_;  // constant after construction
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;  // protected by mutex_
  bool stopping_ = false;  // protected by mutex_
  std::thread thread_;     // last: starts once the members above exist
};

}  // namespace pcn::speech
