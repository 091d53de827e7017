// A test fixture run once per body type: that body's anatomy and its distance maps.
#pragma once

#include <gtest/gtest.h>

#include "core/anatomy.hpp"
#include "core/geometry/body_shape.hpp"

namespace thecaview {

class EachBody : public ::testing::TestWithParam<BodyType> {
protected:
    Anatomy anatomy = [] {
        AnatomyOptions o;
        o.body = GetParam();
        return build_anatomy(o);
    }();
    BodyShape shape{anatomy};
};

}  // namespace thecaview
