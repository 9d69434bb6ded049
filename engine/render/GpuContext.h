// Internal: Vulkan instance (validation layer + counted debug messenger), device choice, queue,
// pools. Includes Vulkan: only engine/render .cpp files may include this header. Owns no scene
// resources.
#pragma once

#include "engine/core/Result.h"

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>
#include <vulkan/vulkan.h>

namespace fg::render {

struct GpuContextOptions {
    std::string gpuName;    // substring of the device name; empty = prefer discrete
    bool validation = true; // VK_LAYER_KHRONOS_validation + debug-utils
    std::vector<std::string> instanceExtensions; // e.g. what the window system needs
    bool wantSwapchain = false;
};

// Validation messages over the whole process, including those sent while a device is destroyed.
std::uint32_t validationMessagesTotal();

class GpuContext {
public:
    static Result<std::unique_ptr<GpuContext>> create(const GpuContextOptions& options);
    ~GpuContext();
    GpuContext(const GpuContext&) = delete;
    GpuContext& operator=(const GpuContext&) = delete;

    VkInstance instance() const { return m_instance; }
    VkPhysicalDevice physicalDevice() const { return m_physical; }
    VkDevice device() const { return m_device; }
    VkQueue queue() const { return m_queue; }
    std::uint32_t queueFamily() const { return m_queueFamily; }
    const VkPhysicalDeviceProperties& properties() const { return m_properties; }
    bool anisotropy() const { return m_anisotropy; }
    VkSampleCountFlagBits maxSamples() const;

    // Validation-layer messages (warnings and errors) seen so far; tests require zero.
    std::uint32_t validationMessages() const { return m_messages.load(); }
    void countMessage() { m_messages.fetch_add(1); }

    // One-shot command buffer: record with FN, submit, wait. For setup and uploads only.
    Status submitNow(const std::function<void(VkCommandBuffer)>& record);

private:
    GpuContext() = default;
    Status createInstance(const GpuContextOptions& options);
    Status pickDevice(const std::string& gpuName);
    Status createDevice(bool swapchain);

    VkInstance m_instance = VK_NULL_HANDLE;
    VkDebugUtilsMessengerEXT m_messenger = VK_NULL_HANDLE;
    VkPhysicalDevice m_physical = VK_NULL_HANDLE;
    VkPhysicalDeviceProperties m_properties{};
    VkDevice m_device = VK_NULL_HANDLE;
    VkQueue m_queue = VK_NULL_HANDLE;
    std::uint32_t m_queueFamily = 0;
    VkCommandPool m_setupPool = VK_NULL_HANDLE;
    bool m_anisotropy = false;
    std::atomic<std::uint32_t> m_messages{0};
};

} // namespace fg::render
