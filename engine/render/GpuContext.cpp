// Creates the Vulkan instance, debug messenger, device and queue in spec order; destroys in
// reverse. Knows nothing about scenes, targets or memory blocks.
#include "engine/render/GpuContext.h"

#include "engine/core/Log.h"
#include "engine/render/VkCheck.h"

#include <cstring>

namespace fg::render {
namespace {

constexpr const char* kValidationLayer = "VK_LAYER_KHRONOS_validation";
// Process-wide too: leak reports arrive while the context is being destroyed.
std::atomic<std::uint32_t> gMessagesTotal{0};

VKAPI_ATTR VkBool32 VKAPI_CALL onDebugMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                              VkDebugUtilsMessageTypeFlagsEXT,
                                              const VkDebugUtilsMessengerCallbackDataEXT* data,
                                              void* user) {
    auto* context = static_cast<GpuContext*>(user);
    context->countMessage();
    gMessagesTotal.fetch_add(1);
    const char* text = data && data->pMessage ? data->pMessage : "(no text)";
    if (severity & VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT)
        log::error("vulkan validation: {}", text);
    else
        log::warn("vulkan validation: {}", text);
    return VK_FALSE;
}

bool layerAvailable(const char* name) {
    std::uint32_t count = 0;
    vkEnumerateInstanceLayerProperties(&count, nullptr);
    std::vector<VkLayerProperties> layers(count);
    vkEnumerateInstanceLayerProperties(&count, layers.data());
    for (const auto& layer : layers)
        if (std::strcmp(layer.layerName, name) == 0) return true;
    return false;
}

VkDebugUtilsMessengerCreateInfoEXT messengerInfo(GpuContext* context) {
    VkDebugUtilsMessengerCreateInfoEXT info{
        VK_STRUCTURE_TYPE_DEBUG_UTILS_MESSENGER_CREATE_INFO_EXT};
    info.messageSeverity = VK_DEBUG_UTILS_MESSAGE_SEVERITY_WARNING_BIT_EXT |
                           VK_DEBUG_UTILS_MESSAGE_SEVERITY_ERROR_BIT_EXT;
    info.messageType = VK_DEBUG_UTILS_MESSAGE_TYPE_GENERAL_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_VALIDATION_BIT_EXT |
                       VK_DEBUG_UTILS_MESSAGE_TYPE_PERFORMANCE_BIT_EXT;
    info.pfnUserCallback = onDebugMessage;
    info.pUserData = context;
    return info;
}

int deviceRank(VkPhysicalDeviceType type) {
    switch (type) {
    case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU:
        return 4;
    case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU:
        return 3;
    case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU:
        return 2;
    case VK_PHYSICAL_DEVICE_TYPE_CPU:
        return 1;
    default:
        return 0;
    }
}

} // namespace

std::uint32_t validationMessagesTotal() {
    return gMessagesTotal.load();
}

Result<std::unique_ptr<GpuContext>> GpuContext::create(const GpuContextOptions& options) {
    std::unique_ptr<GpuContext> context(new GpuContext());
    FG_TRY(context->createInstance(options));
    FG_TRY(context->pickDevice(options.gpuName));
    FG_TRY(context->createDevice(options.wantSwapchain));
    return context;
}

Status GpuContext::createInstance(const GpuContextOptions& options) {
    VkApplicationInfo app{VK_STRUCTURE_TYPE_APPLICATION_INFO};
    app.pApplicationName = "Fairground";
    app.pEngineName = "Fairground";
    app.apiVersion = VK_API_VERSION_1_2;

    std::vector<const char*> extensions;
    for (const auto& name : options.instanceExtensions)
        extensions.push_back(name.c_str());
    std::vector<const char*> layers;
    bool validation = options.validation;
    if (validation && !layerAvailable(kValidationLayer)) {
        log::warn("vulkan: {} not installed; running without validation", kValidationLayer);
        validation = false;
    }
    if (validation) {
        layers.push_back(kValidationLayer);
        extensions.push_back(VK_EXT_DEBUG_UTILS_EXTENSION_NAME);
    }
    VkDebugUtilsMessengerCreateInfoEXT debugInfo = messengerInfo(this);
    VkInstanceCreateInfo info{VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO};
    info.pNext = validation ? &debugInfo : nullptr; // also catches create/destroy-instance issues
    info.pApplicationInfo = &app;
    info.enabledLayerCount = static_cast<std::uint32_t>(layers.size());
    info.ppEnabledLayerNames = layers.data();
    info.enabledExtensionCount = static_cast<std::uint32_t>(extensions.size());
    info.ppEnabledExtensionNames = extensions.data();
    FG_VK_TRY(vkCreateInstance(&info, nullptr, &m_instance));
    if (!validation) return {};
    auto createMessenger = reinterpret_cast<PFN_vkCreateDebugUtilsMessengerEXT>(
        vkGetInstanceProcAddr(m_instance, "vkCreateDebugUtilsMessengerEXT"));
    if (!createMessenger) return makeError("vulkan: vkCreateDebugUtilsMessengerEXT not found");
    FG_VK_TRY(createMessenger(m_instance, &debugInfo, nullptr, &m_messenger));
    return {};
}

Status GpuContext::pickDevice(const std::string& gpuName) {
    std::uint32_t count = 0;
    FG_VK_TRY(vkEnumeratePhysicalDevices(m_instance, &count, nullptr));
    std::vector<VkPhysicalDevice> devices(count);
    FG_VK_TRY(vkEnumeratePhysicalDevices(m_instance, &count, devices.data()));
    int bestRank = -1;
    std::string names;
    for (VkPhysicalDevice device : devices) {
        VkPhysicalDeviceProperties props;
        vkGetPhysicalDeviceProperties(device, &props);
        names += fmt::format("{}'{}'", names.empty() ? "" : ", ", props.deviceName);
        if (props.apiVersion < VK_API_VERSION_1_2) continue;
        const bool named = !gpuName.empty() && std::strstr(props.deviceName, gpuName.c_str());
        const int rank = named ? 100 : (gpuName.empty() ? deviceRank(props.deviceType) : -1);
        if (rank > bestRank) {
            bestRank = rank;
            m_physical = device;
            m_properties = props;
        }
    }
    if (!m_physical) {
        if (!gpuName.empty())
            return makeError(fmt::format("vulkan: no Vulkan 1.2 device named '{}' (found: {})",
                                         gpuName, names.empty() ? "none" : names));
        return makeError("vulkan: no Vulkan 1.2 device found");
    }
    log::info("vulkan: using '{}'", m_properties.deviceName);
    return {};
}

Status GpuContext::createDevice(bool swapchain) {
    std::uint32_t count = 0;
    vkGetPhysicalDeviceQueueFamilyProperties(m_physical, &count, nullptr);
    std::vector<VkQueueFamilyProperties> families(count);
    vkGetPhysicalDeviceQueueFamilyProperties(m_physical, &count, families.data());
    bool found = false;
    for (std::uint32_t i = 0; i < count && !found; ++i) {
        if (families[i].queueFlags & VK_QUEUE_GRAPHICS_BIT) {
            m_queueFamily = i;
            found = true;
        }
    }
    if (!found) return makeError("vulkan: device has no graphics queue");

    VkPhysicalDeviceFeatures supported;
    vkGetPhysicalDeviceFeatures(m_physical, &supported);
    VkPhysicalDeviceFeatures features{};
    m_anisotropy = supported.samplerAnisotropy == VK_TRUE;
    features.samplerAnisotropy = supported.samplerAnisotropy;

    const float priority = 1.0f;
    VkDeviceQueueCreateInfo queueInfo{VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO};
    queueInfo.queueFamilyIndex = m_queueFamily;
    queueInfo.queueCount = 1;
    queueInfo.pQueuePriorities = &priority;
    const char* swapchainExt = VK_KHR_SWAPCHAIN_EXTENSION_NAME;
    VkDeviceCreateInfo info{VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO};
    info.queueCreateInfoCount = 1;
    info.pQueueCreateInfos = &queueInfo;
    info.enabledExtensionCount = swapchain ? 1 : 0;
    info.ppEnabledExtensionNames = &swapchainExt;
    info.pEnabledFeatures = &features;
    FG_VK_TRY(vkCreateDevice(m_physical, &info, nullptr, &m_device));
    vkGetDeviceQueue(m_device, m_queueFamily, 0, &m_queue);

    VkCommandPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    poolInfo.flags = VK_COMMAND_POOL_CREATE_TRANSIENT_BIT;
    poolInfo.queueFamilyIndex = m_queueFamily;
    FG_VK_TRY(vkCreateCommandPool(m_device, &poolInfo, nullptr, &m_setupPool));
    return {};
}

VkSampleCountFlagBits GpuContext::maxSamples() const {
    const VkSampleCountFlags counts = m_properties.limits.framebufferColorSampleCounts &
                                      m_properties.limits.framebufferDepthSampleCounts;
    for (VkSampleCountFlagBits bits :
         {VK_SAMPLE_COUNT_8_BIT, VK_SAMPLE_COUNT_4_BIT, VK_SAMPLE_COUNT_2_BIT})
        if (counts & bits) return bits;
    return VK_SAMPLE_COUNT_1_BIT;
}

Status GpuContext::submitNow(const std::function<void(VkCommandBuffer)>& record) {
    VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
    alloc.commandPool = m_setupPool;
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    VkCommandBuffer cmd = VK_NULL_HANDLE;
    FG_VK_TRY(vkAllocateCommandBuffers(m_device, &alloc, &cmd));
    VkCommandBufferBeginInfo begin{VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO};
    begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
    VkResult result = vkBeginCommandBuffer(cmd, &begin);
    if (result == VK_SUCCESS) {
        record(cmd);
        result = vkEndCommandBuffer(cmd);
    }
    if (result == VK_SUCCESS) {
        VkSubmitInfo submit{VK_STRUCTURE_TYPE_SUBMIT_INFO};
        submit.commandBufferCount = 1;
        submit.pCommandBuffers = &cmd;
        result = vkQueueSubmit(m_queue, 1, &submit, VK_NULL_HANDLE);
        if (result == VK_SUCCESS) result = vkQueueWaitIdle(m_queue);
    }
    vkFreeCommandBuffers(m_device, m_setupPool, 1, &cmd);
    FG_VK_TRY(result);
    return {};
}

GpuContext::~GpuContext() {
    if (m_device) {
        vkDeviceWaitIdle(m_device);
        vkDestroyCommandPool(m_device, m_setupPool, nullptr);
        vkDestroyDevice(m_device, nullptr);
    }
    if (m_messenger) {
        auto destroy = reinterpret_cast<PFN_vkDestroyDebugUtilsMessengerEXT>(
            vkGetInstanceProcAddr(m_instance, "vkDestroyDebugUtilsMessengerEXT"));
        if (destroy) destroy(m_instance, m_messenger, nullptr);
    }
    if (m_instance) vkDestroyInstance(m_instance, nullptr);
}

} // namespace fg::render
