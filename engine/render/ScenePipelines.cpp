// SceneRenderer set-up: render passes, shadow map, descriptor/pipeline layouts, pipelines, frames.
// Creation and destruction only; per-frame recording lives in SceneRenderer.cpp.
#include "engine/core/File.h"
#include "engine/render/SceneRenderer.h"
#include "engine/render/VkCheck.h"

#include <array>
#include <cstring>

#ifndef FG_SHADER_DIR
#error "FG_SHADER_DIR must point at the compiled SPIR-V folder"
#endif

namespace fg::render {
namespace {

constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;

VkAttachmentDescription attachment(VkFormat format, VkSampleCountFlagBits samples,
                                   VkAttachmentLoadOp load, VkAttachmentStoreOp store,
                                   VkImageLayout finalLayout) {
    VkAttachmentDescription a{};
    a.format = format;
    a.samples = samples;
    a.loadOp = load;
    a.storeOp = store;
    a.stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
    a.stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
    a.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    a.finalLayout = finalLayout;
    return a;
}

Result<VkShaderModule> loadShader(VkDevice device, const char* name) {
    const std::string path = std::string(FG_SHADER_DIR) + "/" + name + ".spv";
    auto bytes = readFileBytes(path, 16 * 1024 * 1024);
    if (!bytes) return bytes.error();
    if (bytes->empty() || bytes->size() % 4 != 0)
        return makeError(fmt::format("{}: not SPIR-V ({} bytes)", path, bytes->size()));
    std::vector<std::uint32_t> words(bytes->size() / 4);
    std::memcpy(words.data(), bytes->data(), bytes->size());
    VkShaderModuleCreateInfo info{VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO};
    info.codeSize = bytes->size();
    info.pCode = words.data();
    VkShaderModule module = VK_NULL_HANDLE;
    FG_VK_TRY(vkCreateShaderModule(device, &info, nullptr, &module));
    return module;
}

} // namespace

Result<std::unique_ptr<SceneRenderer>> SceneRenderer::create(RenderDevice& device,
                                                             const PassConfig& config) {
    std::unique_ptr<SceneRenderer> r(new SceneRenderer(device));
    r->m_config = config;
    FG_TRY(r->createPasses());
    FG_TRY(r->createShadowResources());
    FG_TRY(r->createLayouts());
    FG_TRY(r->createPipelines());
    FG_TRY(r->createFrames());
    return r;
}

Status SceneRenderer::createPasses() {
    const bool msaa = m_config.samples != VK_SAMPLE_COUNT_1_BIT;
    std::vector<VkAttachmentDescription> attachments;
    attachments.push_back(
        attachment(m_config.colorFormat, m_config.samples, VK_ATTACHMENT_LOAD_OP_CLEAR,
                   msaa ? VK_ATTACHMENT_STORE_OP_DONT_CARE : VK_ATTACHMENT_STORE_OP_STORE,
                   msaa ? VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL : m_config.finalLayout));
    attachments.push_back(attachment(kDepthFormat, m_config.samples, VK_ATTACHMENT_LOAD_OP_CLEAR,
                                     VK_ATTACHMENT_STORE_OP_DONT_CARE,
                                     VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL));
    if (msaa)
        attachments.push_back(attachment(m_config.colorFormat, VK_SAMPLE_COUNT_1_BIT,
                                         VK_ATTACHMENT_LOAD_OP_DONT_CARE,
                                         VK_ATTACHMENT_STORE_OP_STORE, m_config.finalLayout));
    VkAttachmentReference color{0, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkAttachmentReference depth{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
    VkAttachmentReference resolve{2, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
    VkSubpassDescription subpass{};
    subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    subpass.colorAttachmentCount = 1;
    subpass.pColorAttachments = &color;
    subpass.pDepthStencilAttachment = &depth;
    subpass.pResolveAttachments = msaa ? &resolve : nullptr;
    constexpr VkPipelineStageFlags kOut = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT |
                                          VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT |
                                          VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
    std::array<VkSubpassDependency, 2> deps{};
    deps[0] = {VK_SUBPASS_EXTERNAL,
               0,
               kOut,
               kOut,
               0,
               VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
               0};
    deps[1] = {0,
               VK_SUBPASS_EXTERNAL,
               VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT,
               VK_PIPELINE_STAGE_TRANSFER_BIT,
               VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT,
               VK_ACCESS_TRANSFER_READ_BIT,
               0};
    VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
    info.attachmentCount = static_cast<std::uint32_t>(attachments.size());
    info.pAttachments = attachments.data();
    info.subpassCount = 1;
    info.pSubpasses = &subpass;
    info.dependencyCount = static_cast<std::uint32_t>(deps.size());
    info.pDependencies = deps.data();
    FG_VK_TRY(vkCreateRenderPass(m_device.device(), &info, nullptr, &m_mainPass));

    return createShadowPass();
}

Status SceneRenderer::createShadowPass() {
    VkAttachmentDescription shadow =
        attachment(kDepthFormat, VK_SAMPLE_COUNT_1_BIT, VK_ATTACHMENT_LOAD_OP_CLEAR,
                   VK_ATTACHMENT_STORE_OP_STORE, VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL);
    VkAttachmentReference shadowRef{0, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
    VkSubpassDescription shadowSub{};
    shadowSub.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
    shadowSub.pDepthStencilAttachment = &shadowRef;
    constexpr VkPipelineStageFlags kDepthStages =
        VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT;
    std::array<VkSubpassDependency, 2> deps{};
    // Before: the previous frame's lit pass sampled the map. After: this frame's lit pass will.
    deps[0] = {VK_SUBPASS_EXTERNAL,
               0,
               VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT,
               kDepthStages,
               VK_ACCESS_SHADER_READ_BIT,
               VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
               0};
    deps[1] = {0,
               VK_SUBPASS_EXTERNAL,
               kDepthStages,
               VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT,
               VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT,
               VK_ACCESS_SHADER_READ_BIT,
               0};
    VkRenderPassCreateInfo info{VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO};
    info.subpassCount = 1;
    info.dependencyCount = static_cast<std::uint32_t>(deps.size());
    info.pDependencies = deps.data();
    info.attachmentCount = 1;
    info.pAttachments = &shadow;
    info.pSubpasses = &shadowSub;
    FG_VK_TRY(vkCreateRenderPass(m_device.device(), &info, nullptr, &m_shadowPass));
    return {};
}

Status SceneRenderer::createShadowResources() {
    ImageDesc desc;
    desc.extent = {m_config.shadowMapSize, m_config.shadowMapSize};
    desc.format = kDepthFormat;
    desc.usage = VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_SAMPLED_BIT;
    desc.aspect = VK_IMAGE_ASPECT_DEPTH_BIT;
    auto image = createImage(m_device.device(), m_device.allocator(), desc);
    if (!image) return image.error();
    m_shadowMap = *image;
    VkFramebufferCreateInfo fb{VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO};
    fb.renderPass = m_shadowPass;
    fb.attachmentCount = 1;
    fb.pAttachments = &m_shadowMap.view;
    fb.width = fb.height = m_config.shadowMapSize;
    fb.layers = 1;
    FG_VK_TRY(vkCreateFramebuffer(m_device.device(), &fb, nullptr, &m_shadowFramebuffer));
    VkSamplerCreateInfo s{VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO};
    s.magFilter = s.minFilter = VK_FILTER_LINEAR;
    s.addressModeU = s.addressModeV = s.addressModeW = VK_SAMPLER_ADDRESS_MODE_CLAMP_TO_BORDER;
    s.borderColor = VK_BORDER_COLOR_FLOAT_OPAQUE_WHITE;
    s.compareEnable = VK_TRUE;
    s.compareOp = VK_COMPARE_OP_LESS_OR_EQUAL;
    FG_VK_TRY(vkCreateSampler(m_device.device(), &s, nullptr, &m_shadowSampler));
    return {};
}

Status SceneRenderer::createLayouts() {
    VkDevice dev = m_device.device();
    std::array<VkDescriptorSetLayoutBinding, 2> bindings{};
    bindings[0] = {0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, 1,
                   VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
    bindings[1] = {1, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1, VK_SHADER_STAGE_FRAGMENT_BIT,
                   nullptr};
    VkDescriptorSetLayoutCreateInfo setInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO};
    setInfo.bindingCount = static_cast<std::uint32_t>(bindings.size());
    setInfo.pBindings = bindings.data();
    FG_VK_TRY(vkCreateDescriptorSetLayout(dev, &setInfo, nullptr, &m_frameLayout));

    const VkDescriptorSetLayout sets[2] = {m_frameLayout, m_device.materialLayout()};
    VkPushConstantRange materialRange{VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(MaterialPush)};
    VkPipelineLayoutCreateInfo lit{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    lit.setLayoutCount = 2;
    lit.pSetLayouts = sets;
    lit.pushConstantRangeCount = 1;
    lit.pPushConstantRanges = &materialRange;
    FG_VK_TRY(vkCreatePipelineLayout(dev, &lit, nullptr, &m_litLayout));

    VkPushConstantRange lightRange{VK_SHADER_STAGE_VERTEX_BIT, 0, sizeof(glm::mat4)};
    VkPipelineLayoutCreateInfo shadow{VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO};
    shadow.pushConstantRangeCount = 1;
    shadow.pPushConstantRanges = &lightRange;
    FG_VK_TRY(vkCreatePipelineLayout(dev, &shadow, nullptr, &m_shadowLayout));
    return {};
}

Status SceneRenderer::createPipelines() {
    auto lit = buildPipeline("pbr.vert", "pbr.frag", m_litLayout, m_mainPass, false, false);
    if (!lit) return lit.error();
    m_litPipeline = *lit;
    auto sky = buildPipeline("sky.vert", "sky.frag", m_litLayout, m_mainPass, true, false);
    if (!sky) return sky.error();
    m_skyPipeline = *sky;
    auto shadow = buildPipeline("shadow.vert", nullptr, m_shadowLayout, m_shadowPass, false, true);
    if (!shadow) return shadow.error();
    m_shadowPipeline = *shadow;
    return {};
}

Status SceneRenderer::createFrames() {
    VkDevice dev = m_device.device();
    const std::uint32_t n = m_config.framesInFlight;
    const VkDescriptorPoolSize sizes[2] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER, n},
                                           {VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, n}};
    VkDescriptorPoolCreateInfo poolInfo{VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO};
    poolInfo.maxSets = n;
    poolInfo.poolSizeCount = 2;
    poolInfo.pPoolSizes = sizes;
    FG_VK_TRY(vkCreateDescriptorPool(dev, &poolInfo, nullptr, &m_framePool));
    m_frames.resize(n);
    for (Frame& frame : m_frames) {
        auto ubo = createBuffer(
            dev, m_device.allocator(), sizeof(FrameUniforms), VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT,
            VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
        if (!ubo) return ubo.error();
        frame.uniforms = *ubo;
        FG_TRY(ensureInstanceCapacity(frame, 1024));
        VkDescriptorSetAllocateInfo alloc{VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO};
        alloc.descriptorPool = m_framePool;
        alloc.descriptorSetCount = 1;
        alloc.pSetLayouts = &m_frameLayout;
        FG_VK_TRY(vkAllocateDescriptorSets(dev, &alloc, &frame.set));
        VkDescriptorBufferInfo bufferInfo{frame.uniforms.buffer, 0, sizeof(FrameUniforms)};
        VkDescriptorImageInfo imageInfo{m_shadowSampler, m_shadowMap.view,
                                        VK_IMAGE_LAYOUT_DEPTH_STENCIL_READ_ONLY_OPTIMAL};
        VkWriteDescriptorSet writes[2] = {{VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET},
                                          {VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET}};
        writes[0].dstSet = writes[1].dstSet = frame.set;
        writes[0].dstBinding = 0;
        writes[0].descriptorCount = 1;
        writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER;
        writes[0].pBufferInfo = &bufferInfo;
        writes[1].dstBinding = 1;
        writes[1].descriptorCount = 1;
        writes[1].descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
        writes[1].pImageInfo = &imageInfo;
        vkUpdateDescriptorSets(dev, 2, writes, 0, nullptr);
    }
    return {};
}

namespace {

struct VertexLayout {
    std::vector<VkVertexInputBindingDescription> bindings;
    std::vector<VkVertexInputAttributeDescription> attributes;
};

// Binding 0: fg::Vertex; binding 1: one mat4 per instance (locations 4-7).
VertexLayout meshLayout(bool positionOnly) {
    VertexLayout l;
    l.bindings = {{0, sizeof(Vertex), VK_VERTEX_INPUT_RATE_VERTEX},
                  {1, sizeof(glm::mat4), VK_VERTEX_INPUT_RATE_INSTANCE}};
    l.attributes.push_back({0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, position)});
    if (!positionOnly) {
        l.attributes.push_back({1, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(Vertex, normal)});
        l.attributes.push_back({2, 0, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(Vertex, tangent)});
        l.attributes.push_back({3, 0, VK_FORMAT_R32G32_SFLOAT, offsetof(Vertex, uv)});
    }
    for (std::uint32_t i = 0; i < 4; ++i)
        l.attributes.push_back({4 + i, 1, VK_FORMAT_R32G32B32A32_SFLOAT,
                                static_cast<std::uint32_t>(i * sizeof(glm::vec4))});
    return l;
}

} // namespace

Result<VkPipeline> SceneRenderer::buildPipeline(const char* vert, const char* frag,
                                                VkPipelineLayout layout, VkRenderPass pass,
                                                bool sky, bool shadow) {
    VkDevice dev = m_device.device();
    auto vs = loadShader(dev, vert);
    if (!vs) return vs.error();
    VkShaderModule fs = VK_NULL_HANDLE;
    if (frag) {
        auto loaded = loadShader(dev, frag);
        if (!loaded) {
            vkDestroyShaderModule(dev, *vs, nullptr);
            return loaded.error();
        }
        fs = *loaded;
    }
    VkPipelineShaderStageCreateInfo stages[2] = {
        {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO},
        {VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO}};
    stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
    stages[0].module = *vs;
    stages[0].pName = "main";
    stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
    stages[1].module = fs;
    stages[1].pName = "main";

    const VertexLayout vl = sky ? VertexLayout{} : meshLayout(shadow);
    VkPipelineVertexInputStateCreateInfo input{
        VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO};
    input.vertexBindingDescriptionCount = static_cast<std::uint32_t>(vl.bindings.size());
    input.pVertexBindingDescriptions = vl.bindings.data();
    input.vertexAttributeDescriptionCount = static_cast<std::uint32_t>(vl.attributes.size());
    input.pVertexAttributeDescriptions = vl.attributes.data();
    VkPipelineInputAssemblyStateCreateInfo assembly{
        VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO};
    assembly.topology = VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;
    VkPipelineViewportStateCreateInfo viewport{
        VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO};
    viewport.viewportCount = viewport.scissorCount = 1;
    VkPipelineRasterizationStateCreateInfo raster{
        VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO};
    raster.polygonMode = VK_POLYGON_MODE_FILL;
    raster.cullMode = VK_CULL_MODE_NONE; // posters, signs and glTF double-sided parts are thin
    raster.frontFace = VK_FRONT_FACE_COUNTER_CLOCKWISE;
    raster.lineWidth = 1.0f;
    raster.depthBiasEnable = shadow ? VK_TRUE : VK_FALSE;
    raster.depthBiasConstantFactor = 1.25f;
    raster.depthBiasSlopeFactor = 1.75f;
    VkPipelineMultisampleStateCreateInfo ms{
        VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO};
    ms.rasterizationSamples = shadow ? VK_SAMPLE_COUNT_1_BIT : m_config.samples;
    VkPipelineDepthStencilStateCreateInfo depth{
        VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO};
    depth.depthTestEnable = sky ? VK_FALSE : VK_TRUE;
    depth.depthWriteEnable = sky ? VK_FALSE : VK_TRUE;
    depth.depthCompareOp = VK_COMPARE_OP_LESS;
    VkPipelineColorBlendAttachmentState blendAttachment{};
    blendAttachment.colorWriteMask = VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT |
                                     VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT;
    VkPipelineColorBlendStateCreateInfo blend{
        VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO};
    blend.attachmentCount = shadow ? 0 : 1;
    blend.pAttachments = &blendAttachment;
    const VkDynamicState dynamics[2] = {VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
    VkPipelineDynamicStateCreateInfo dynamic{VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO};
    dynamic.dynamicStateCount = 2;
    dynamic.pDynamicStates = dynamics;

    VkGraphicsPipelineCreateInfo info{VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO};
    info.stageCount = frag ? 2 : 1;
    info.pStages = stages;
    info.pVertexInputState = &input;
    info.pInputAssemblyState = &assembly;
    info.pViewportState = &viewport;
    info.pRasterizationState = &raster;
    info.pMultisampleState = &ms;
    info.pDepthStencilState = &depth;
    info.pColorBlendState = &blend;
    info.pDynamicState = &dynamic;
    info.layout = layout;
    info.renderPass = pass;
    VkPipeline pipeline = VK_NULL_HANDLE;
    const VkResult result =
        vkCreateGraphicsPipelines(dev, VK_NULL_HANDLE, 1, &info, nullptr, &pipeline);
    vkDestroyShaderModule(dev, *vs, nullptr);
    if (fs) vkDestroyShaderModule(dev, fs, nullptr);
    FG_VK_TRY(result);
    return pipeline;
}

SceneRenderer::~SceneRenderer() {
    VkDevice dev = m_device.device();
    vkDeviceWaitIdle(dev);
    for (Frame& frame : m_frames) {
        frame.deletions.flush();
        destroyBuffer(dev, m_device.allocator(), frame.uniforms);
        destroyBuffer(dev, m_device.allocator(), frame.instances);
    }
    for (VkPipeline p : {m_litPipeline, m_skyPipeline, m_shadowPipeline})
        if (p) vkDestroyPipeline(dev, p, nullptr);
    for (VkPipelineLayout l : {m_litLayout, m_shadowLayout})
        if (l) vkDestroyPipelineLayout(dev, l, nullptr);
    if (m_framePool) vkDestroyDescriptorPool(dev, m_framePool, nullptr);
    if (m_frameLayout) vkDestroyDescriptorSetLayout(dev, m_frameLayout, nullptr);
    if (m_shadowSampler) vkDestroySampler(dev, m_shadowSampler, nullptr);
    if (m_shadowFramebuffer) vkDestroyFramebuffer(dev, m_shadowFramebuffer, nullptr);
    destroyImage(dev, m_device.allocator(), m_shadowMap);
    if (m_shadowPass) vkDestroyRenderPass(dev, m_shadowPass, nullptr);
    if (m_mainPass) vkDestroyRenderPass(dev, m_mainPass, nullptr);
}

} // namespace fg::render
