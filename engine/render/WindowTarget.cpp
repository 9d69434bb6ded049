// Window target: swapchain life cycle (resize, minimise, vsync), two frames in flight, ImGui layer,
// and the Renderer entry points that use them. Only GLFW access is via fg::platform::Window.
#include "engine/render/WindowTarget.h"

#include "engine/core/Log.h"
#include "engine/render/RendererImpl.h"
#include "engine/render/VkCheck.h"

#include <algorithm>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_vulkan.h>
#include <imgui.h>

namespace fg::render {
namespace {

void checkImGuiVk(VkResult result) {
    if (result != VK_SUCCESS) log::error("imgui vulkan backend: {}", vkResultName(result));
}

VkSurfaceFormatKHR chooseFormat(VkPhysicalDevice physical, VkSurfaceKHR surface) {
    std::uint32_t count = 0;
    vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface, &count, nullptr);
    std::vector<VkSurfaceFormatKHR> formats(count);
    vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface, &count, formats.data());
    for (const auto& f : formats)
        if ((f.format == VK_FORMAT_B8G8R8A8_SRGB || f.format == VK_FORMAT_R8G8B8A8_SRGB) &&
            f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR)
            return f;
    return formats.empty()
               ? VkSurfaceFormatKHR{VK_FORMAT_B8G8R8A8_SRGB, VK_COLOR_SPACE_SRGB_NONLINEAR_KHR}
               : formats.front();
}

VkPresentModeKHR choosePresentMode(VkPhysicalDevice physical, VkSurfaceKHR surface, bool vsync) {
    if (vsync) return VK_PRESENT_MODE_FIFO_KHR; // always supported
    std::uint32_t count = 0;
    vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface, &count, nullptr);
    std::vector<VkPresentModeKHR> modes(count);
    vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface, &count, modes.data());
    for (VkPresentModeKHR wanted : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
        if (std::find(modes.begin(), modes.end(), wanted) != modes.end()) return wanted;
    return VK_PRESENT_MODE_FIFO_KHR;
}

} // namespace

Result<std::unique_ptr<WindowTarget>> WindowTarget::create(RenderDevice& device,
                                                           platform::Window& window,
                                                           const RendererOptions& options) {
    std::unique_ptr<WindowTarget> target(new WindowTarget(device, window));
    FG_TRY(target->init(options));
    return target;
}

Status WindowTarget::init(const RendererOptions& options) {
    m_vsync = options.vsync;
    GpuContext& ctx = m_device.context();
    auto surface = m_window.createVulkanSurface(ctx.instance());
    if (!surface) return surface.error();
    m_surface = reinterpret_cast<VkSurfaceKHR>(*surface);
    VkBool32 present = VK_FALSE;
    FG_VK_TRY(vkGetPhysicalDeviceSurfaceSupportKHR(ctx.physicalDevice(), ctx.queueFamily(),
                                                   m_surface, &present));
    if (!present) return makeError("window: the graphics queue cannot present to this window");
    m_format = chooseFormat(ctx.physicalDevice(), m_surface);
    PassConfig config;
    config.colorFormat = m_format.format;
    config.samples = VK_SAMPLE_COUNT_1_BIT;
    for (VkSampleCountFlagBits bits :
         {VK_SAMPLE_COUNT_2_BIT, VK_SAMPLE_COUNT_4_BIT, VK_SAMPLE_COUNT_8_BIT})
        if (bits <= ctx.maxSamples() && std::uint32_t(bits) <= options.msaaSamples)
            config.samples = bits;
    config.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL; // the UI pass presents
    config.shadowMapSize = options.shadowMapSize;
    config.framesInFlight = kFramesInFlight;
    auto renderer = SceneRenderer::create(m_device, config);
    if (!renderer) return renderer.error();
    m_renderer = std::move(*renderer);
    m_scale = std::clamp(options.resolutionScale, 0.25f, 1.0f);
    FG_TRY(createUiPass());
    FG_TRY(createSwapchain());
    FG_TRY(createFrames());
    return initImGui();
}

Status WindowTarget::createFrames() {
    VkDevice dev = m_device.device();
    VkCommandPoolCreateInfo pool{VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO};
    pool.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
    pool.queueFamilyIndex = m_device.context().queueFamily();
    FG_VK_TRY(vkCreateCommandPool(dev, &pool, nullptr, &m_pool));
    for (Frame& frame : m_frames) {
        VkCommandBufferAllocateInfo alloc{VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO};
        alloc.commandPool = m_pool;
        alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
        alloc.commandBufferCount = 1;
        FG_VK_TRY(vkAllocateCommandBuffers(dev, &alloc, &frame.cmd));
        VkFenceCreateInfo fence{VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
        fence.flags = VK_FENCE_CREATE_SIGNALED_BIT;
        FG_VK_TRY(vkCreateFence(dev, &fence, nullptr, &frame.fence));
        VkSemaphoreCreateInfo sem{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        FG_VK_TRY(vkCreateSemaphore(dev, &sem, nullptr, &frame.imageAvailable));
    }
    return {};
}

Status WindowTarget::createSwapchain() {
    GpuContext& ctx = m_device.context();
    VkDevice dev = m_device.device();
    VkSurfaceCapabilitiesKHR caps;
    FG_VK_TRY(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(ctx.physicalDevice(), m_surface, &caps));
    const glm::ivec2 size = m_window.framebufferSize();
    m_extent = caps.currentExtent.width != UINT32_MAX
                   ? caps.currentExtent
                   : VkExtent2D{std::clamp(std::uint32_t(size.x), caps.minImageExtent.width,
                                           caps.maxImageExtent.width),
                                std::clamp(std::uint32_t(size.y), caps.minImageExtent.height,
                                           caps.maxImageExtent.height)};
    if (m_extent.width == 0 || m_extent.height == 0) return {}; // minimised: nothing to create
    std::uint32_t images = caps.minImageCount + 1;
    if (caps.maxImageCount) images = std::min(images, caps.maxImageCount);
    VkSwapchainCreateInfoKHR info{VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR};
    info.surface = m_surface;
    info.minImageCount = images;
    info.imageFormat = m_format.format;
    info.imageColorSpace = m_format.colorSpace;
    info.imageExtent = m_extent;
    info.imageArrayLayers = 1;
    info.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
    // Resolution scaling blits the scene onto the swapchain image.
    if (caps.supportedUsageFlags & VK_IMAGE_USAGE_TRANSFER_DST_BIT)
        info.imageUsage |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
    else
        m_scale = 1.0f;
    info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
    info.preTransform = caps.currentTransform;
    info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
    info.presentMode = choosePresentMode(ctx.physicalDevice(), m_surface, m_vsync);
    info.clipped = VK_TRUE;
    FG_VK_TRY(vkCreateSwapchainKHR(dev, &info, nullptr, &m_swapchain));
    std::uint32_t count = 0;
    FG_VK_TRY(vkGetSwapchainImagesKHR(dev, m_swapchain, &count, nullptr));
    m_images.resize(count);
    FG_VK_TRY(vkGetSwapchainImagesKHR(dev, m_swapchain, &count, m_images.data()));

    FG_TRY(createTargets());
    if (m_imgui) ImGui_ImplVulkan_SetMinImageCount(std::max(2u, caps.minImageCount));
    return {};
}

// The MSAA colour and depth attachments, one view, framebuffer and "render finished" semaphore
// per swapchain image.
Status WindowTarget::createTargets() {
    VkDevice dev = m_device.device();
    const VkSampleCountFlagBits samples = m_renderer->config().samples;
    const bool msaa = samples != VK_SAMPLE_COUNT_1_BIT;
    if (msaa) {
        ImageDesc color{m_extent,
                        m_format.format,
                        VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT |
                            VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                        samples,
                        1,
                        VK_IMAGE_ASPECT_COLOR_BIT};
        auto image = createImage(dev, m_device.allocator(), color);
        if (!image) return image.error();
        m_msaaColor = *image;
    }
    ImageDesc depth{
        m_extent, VK_FORMAT_D32_SFLOAT,     VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT, samples,
        1,        VK_IMAGE_ASPECT_DEPTH_BIT};
    auto depthImage = createImage(dev, m_device.allocator(), depth);
    if (!depthImage) return depthImage.error();
    m_depth = *depthImage;

    for (VkImage image : m_images) {
        VkImageViewCreateInfo view{VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO};
        view.image = image;
        view.viewType = VK_IMAGE_VIEW_TYPE_2D;
        view.format = m_format.format;
        view.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
        VkImageView v = VK_NULL_HANDLE;
        FG_VK_TRY(vkCreateImageView(dev, &view, nullptr, &v));
        m_views.push_back(v);
        const VkImageView attachments[3] = {msaa ? m_msaaColor.view : v, m_depth.view, v};
        VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
        fb.renderPass = m_renderer->mainPass();
        fb.attachmentCount = msaa ? 3 : 2;
        fb.pAttachments = attachments;
        fb.width = m_extent.width;
        fb.height = m_extent.height;
        fb.layers = 1;
        VkFramebuffer framebuffer = VK_NULL_HANDLE;
        FG_VK_TRY(vkCreateFramebuffer(dev, &fb, nullptr, &framebuffer));
        m_framebuffers.push_back(framebuffer);
        VkSemaphoreCreateInfo sem{VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO};
        VkSemaphore finished = VK_NULL_HANDLE;
        FG_VK_TRY(vkCreateSemaphore(dev, &sem, nullptr, &finished));
        m_renderFinished.push_back(finished);
    }
    FG_TRY(createUiFramebuffers());
    return createScaledTargets();
}

void WindowTarget::destroySwapchain() {
    VkDevice dev = m_device.device();
    for (VkFramebuffer fb : m_framebuffers)
        vkDestroyFramebuffer(dev, fb, nullptr);
    for (VkFramebuffer fb : m_uiFramebuffers)
        vkDestroyFramebuffer(dev, fb, nullptr);
    m_uiFramebuffers.clear();
    destroyScaledTargets();
    for (VkImageView view : m_views)
        vkDestroyImageView(dev, view, nullptr);
    for (VkSemaphore sem : m_renderFinished)
        vkDestroySemaphore(dev, sem, nullptr);
    m_framebuffers.clear();
    m_views.clear();
    m_renderFinished.clear();
    m_images.clear();
    destroyImage(dev, m_device.allocator(), m_msaaColor);
    destroyImage(dev, m_device.allocator(), m_depth);
    if (m_swapchain) vkDestroySwapchainKHR(dev, m_swapchain, nullptr);
    m_swapchain = VK_NULL_HANDLE;
}

Status WindowTarget::recreateSwapchain() {
    FG_VK_TRY(vkDeviceWaitIdle(m_device.device()));
    destroySwapchain();
    return createSwapchain();
}

void WindowTarget::setVsync(bool enabled) {
    if (enabled == m_vsync) return;
    m_vsync = enabled;
    if (auto s = recreateSwapchain(); !s) log::error("window: vsync change: {}", s.error().message);
}

Status WindowTarget::initImGui() {
    auto fontFiles = text::findFonts();
    if (!fontFiles) return fontFiles.error();
    auto fonts = UiFonts::create(*fontFiles);
    if (!fonts) return fonts.error();
    m_fonts = std::move(*fonts);
    const VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 16};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.flags = VK_DESCRIPTOR_POOL_CREATE_FREE_DESCRIPTOR_SET_BIT;
    poolInfo.maxSets = 16;
    poolInfo.poolSizeCount = 1;
    poolInfo.pPoolSizes = &size;
    FG_VK_TRY(vkCreateDescriptorPool(m_device.device(), &poolInfo, nullptr, &m_imguiPool));
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;                             // no imgui.ini next to the executable
    io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard; // every panel usable without a mouse
    if (!ImGui_ImplGlfw_InitForVulkan(static_cast<GLFWwindow*>(m_window.nativeHandle()), true))
        return makeError("imgui: GLFW backend initialisation failed");
    FG_TRY(m_fonts->build(m_look));
    FG_TRY(initImGuiVulkan());
    m_imgui = true;
    return {};
}

// The Vulkan backend of ImGui 1.86 cannot swap its font texture, so a new atlas means a new
// backend: shut down (frees the old texture), reset its descriptor pool, initialise, upload.
Status WindowTarget::initImGuiVulkan() {
    GpuContext& ctx = m_device.context();
    ImGui_ImplVulkan_InitInfo info{};
    info.Instance = ctx.instance();
    info.PhysicalDevice = ctx.physicalDevice();
    info.Device = ctx.device();
    info.QueueFamily = ctx.queueFamily();
    info.Queue = ctx.queue();
    info.DescriptorPool = m_imguiPool;
    info.MinImageCount = 2;
    info.ImageCount = static_cast<std::uint32_t>(std::max<std::size_t>(2, m_images.size()));
    info.MSAASamples = VK_SAMPLE_COUNT_1_BIT; // the UI pass draws on the resolved image
    info.CheckVkResultFn = checkImGuiVk;
    if (!ImGui_ImplVulkan_Init(&info, m_uiPass))
        return makeError("imgui: Vulkan backend initialisation failed");
    FG_TRY(ctx.submitNow([](VkCommandBuffer cmd) { ImGui_ImplVulkan_CreateFontsTexture(cmd); }));
    ImGui_ImplVulkan_DestroyFontUploadObjects();
    return {};
}

Status WindowTarget::rebuildFonts() {
    m_fontsDirty = false;
    FG_VK_TRY(vkDeviceWaitIdle(m_device.device()));
    ImGui_ImplVulkan_Shutdown();
    FG_VK_TRY(vkResetDescriptorPool(m_device.device(), m_imguiPool, 0));
    FG_TRY(m_fonts->build(m_look));
    return initImGuiVulkan();
}

void WindowTarget::setUiLook(const UiLook& look) {
    if (look == m_look) return;
    m_look = look;
    m_fontsDirty = true;
}

void WindowTarget::addUiText(std::string_view utf8) {
    if (m_fonts && m_fonts->addText(utf8)) m_fontsDirty = true;
}

WindowTarget::~WindowTarget() {
    VkDevice dev = m_device.device();
    vkDeviceWaitIdle(dev);
    if (m_imgui) {
        ImGui_ImplVulkan_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_imguiPool) vkDestroyDescriptorPool(dev, m_imguiPool, nullptr);
    for (Frame& frame : m_frames) {
        if (frame.fence) vkDestroyFence(dev, frame.fence, nullptr);
        if (frame.imageAvailable) vkDestroySemaphore(dev, frame.imageAvailable, nullptr);
    }
    if (m_pool) vkDestroyCommandPool(dev, m_pool, nullptr);
    destroySwapchain();
    m_renderer.reset();
    m_scaledRenderer.reset();
    if (m_uiPass) vkDestroyRenderPass(dev, m_uiPass, nullptr);
    if (m_surface) vkDestroySurfaceKHR(m_device.context().instance(), m_surface, nullptr);
}

} // namespace fg::render
