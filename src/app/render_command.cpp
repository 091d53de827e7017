// `thecaview render`: one off-screen frame to the PNG (and coverage JSON) it was told to write.
#include <iostream>

#include "app/commands.hpp"
#include "app/offscreen.hpp"
#include "core/config.hpp"
#include "core/coverage.hpp"
#include "render/png.hpp"

namespace thecaview {

int run_render(const RenderCommand& command) {
    int status = 0;
    auto renderer = OffscreenRenderer::open_for("render", command.request.language, status);
    if (!renderer) return status;
    std::string error;
    RenderRequest request = command.request;
    if (!command.config.empty()) {
        const ConfigLoad config = load_config(std::filesystem::path(command.config));
        for (const auto& e : config.errors) std::cerr << "thecaview: warning: " << e.to_string() << "\n";
        request.contacts = config.config.contacts;
    }
    const auto result = renderer->render(request, error);
    for (const auto& w : renderer->session().warnings) std::cerr << "thecaview: warning: " << w << "\n";
    if (!result) {
        std::cerr << "thecaview render: " << error << "\n";
        return 1;
    }
    if (!write_png_atomically(command.out, result->width, result->height, result->rgba, error)) {
        std::cerr << "thecaview render: " << error << "\n";
        return 1;
    }
    if (!command.coverage.empty() &&
        !write_text_atomically(command.coverage, coverage_json(result->coverage), error)) {
        std::cerr << "thecaview render: " << error << "\n";
        return 1;
    }
    std::cout << "wrote " << command.out << " (" << result->width << "x" << result->height << ", view "
              << result->view << ")\n";
    return 0;
}

}  // namespace thecaview
