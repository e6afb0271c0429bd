#!/usr/bin/env python3
"""Draws the built-in handout illustrations (assets/handouts/<slug>.svg).

Every picture uses the same neutral figure: one head size, one torso and the
same limb lengths, posed by joint angles, so the library looks like one set.
The output keeps to the SVG subset in docs/handouts.md: <path> elements only,
with M/L/C/Q/Z commands, stroke-only, in the ink and accent colours.

Run from the repository root:  python3 assets/handouts/draw/draw.py
then render to PNG to look at them:  rsvg-convert -w 480 FILE.svg -o FILE.png

Angles are in degrees on screen: 0 points straight down, 90 right, 180 up,
-90 (or 270) left.
"""

import math
import os
import re

INK = "#2b4a4a"
ACCENT = "#c0563b"

# The figure's proportions, in view-box units at scale 1.
HEAD_R = 11
NECK = 5
TORSO = 48
TORSO_W = 16  # side view: chest depth
SHOULDERS = 34  # front view: shoulder width
HIPS = 24  # front view: hip width
UPPER_ARM = 28
FOREARM = 26
HAND = 9
THIGH = 38
SHIN = 38
FOOT = 11


def clip_segment(a, b, box=(0.5, 0.5, 239.5, 179.5)):
    """The part of segment a-b inside box (Liang-Barsky), or None."""
    x0, y0 = a
    dx, dy = b[0] - x0, b[1] - y0
    t0, t1 = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return None
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
    if t0 > t1:
        return None
    return ((x0 + dx * t0, y0 + dy * t0), (x0 + dx * t1, y0 + dy * t1))


def f(v):
    s = "%.1f" % v
    if s.endswith(".0"):
        s = s[:-2]
    return "0" if s == "-0" else s


def pt(p):
    return f(p[0]) + " " + f(p[1])


def d_dir(a):
    r = math.radians(a)
    return (math.sin(r), math.cos(r))


def add(p, v, k=1.0):
    return (p[0] + v[0] * k, p[1] + v[1] * k)


def step(p, a, length):
    return add(p, d_dir(a), length)


class Drawing:
    def __init__(self):
        self.paths = []

    def path(self, d, accent=False, drop_outside=False):
        """Adds one path; every point must lie inside the view box (fpdf does
        not clip), else it is dropped (drop_outside) or an error."""
        nums = [float(t) for t in re.findall(r"-?[0-9.]+", d)]
        inside = all(0 <= x <= 240 and 0 <= y <= 180 for x, y in zip(nums[::2], nums[1::2]))
        if not inside:
            if drop_outside:
                return
            raise ValueError("path leaves the view box: " + d)
        colour = ACCENT if accent else INK
        self.paths.append(
            '<path d="%s" fill="none" stroke="%s" stroke-width="3" '
            'stroke-linecap="round" stroke-linejoin="round"/>' % (d, colour)
        )

    def line(self, *pts, accent=False, close=False):
        """A polyline (closed with close), cut to the view box."""
        if close:
            pts = pts + (pts[0],)
        runs, run = [], []
        for a, b in zip(pts, pts[1:]):
            seg = clip_segment(a, b)
            if seg is None:
                if run:
                    runs.append(run)
                run = []
                continue
            if run and math.hypot(run[-1][0] - seg[0][0], run[-1][1] - seg[0][1]) < 0.01:
                run.append(seg[1])
            else:
                if run:
                    runs.append(run)
                run = [seg[0], seg[1]]
        if run:
            runs.append(run)
        if not runs:
            return
        d = " ".join("M " + pt(r[0]) + "".join(" L " + pt(p) for p in r[1:]) for r in runs)
        self.path(d, accent)

    def circle(self, c, r, accent=False):
        k = 0.5523 * r
        x, y = c
        d = (
            "M %s %s C %s %s %s %s %s %s C %s %s %s %s %s %s "
            "C %s %s %s %s %s %s C %s %s %s %s %s %s Z"
            % tuple(
                f(v)
                for v in (
                    x + r, y,
                    x + r, y + k, x + k, y + r, x, y + r,
                    x - k, y + r, x - r, y + k, x - r, y,
                    x - r, y - k, x - k, y - r, x, y - r,
                    x + k, y - r, x + r, y - k, x + r, y,
                )
            )
        )
        self.path(d, accent)

    def rounded_rect(self, x, y, w, h, r, accent=False):
        k = 0.45 * r
        d = (
            "M %s %s L %s %s C %s %s %s %s %s %s L %s %s C %s %s %s %s %s %s "
            "L %s %s C %s %s %s %s %s %s L %s %s C %s %s %s %s %s %s Z"
            % tuple(
                f(v)
                for v in (
                    x + r, y, x + w - r, y,
                    x + w - k, y, x + w, y + k, x + w, y + r,
                    x + w, y + h - r,
                    x + w, y + h - k, x + w - k, y + h, x + w - r, y + h,
                    x + r, y + h,
                    x + k, y + h, x, y + h - k, x, y + h - r,
                    x, y + r,
                    x, y + k, x + k, y, x + r, y,
                )
            )
        )
        self.path(d, accent)

    def arrow(self, a, b, curve=None, accent=True):
        """An arrow from a to b, bent towards the control point curve."""
        if curve is None:
            self.path("M " + pt(a) + " L " + pt(b), accent)
            tail = a
        else:
            self.path("M " + pt(a) + " Q " + pt(curve) + " " + pt(b), accent)
            tail = curve
        dx, dy = b[0] - tail[0], b[1] - tail[1]
        n = math.hypot(dx, dy) or 1
        ux, uy = dx / n, dy / n
        size = 7
        left = (b[0] - ux * size - uy * size * 0.7, b[1] - uy * size + ux * size * 0.7)
        right = (b[0] - ux * size + uy * size * 0.7, b[1] - uy * size - ux * size * 0.7)
        self.path("M " + pt(left) + " L " + pt(b) + " L " + pt(right), accent)

    def svg(self):
        return (
            '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 180" '
            'width="240" height="180">\n' + "\n".join(self.paths) + "\n</svg>\n"
        )


def capsule(dw, a, b, width, bend=0.0, drop_outside=False):
    """A closed rounded outline around the segment a-b (bend bows its sides)."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    n = math.hypot(dx, dy)
    u = (dx / n, dy / n)
    nv = (-u[1], u[0])
    r = width / 2
    k = r * 4 / 3
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    c = add(mid, nv, bend)
    a1, a2 = add(a, nv, r), add(a, nv, -r)
    b1, b2 = add(b, nv, r), add(b, nv, -r)
    c1, c2 = add(c, nv, r * 1.6), add(c, nv, -r * 1.6)
    d = "M " + pt(a1)
    d += " Q " + pt(c1) + " " + pt(b1)
    d += " C " + pt(add(b1, u, k)) + " " + pt(add(b2, u, k)) + " " + pt(b2)
    d += " Q " + pt(c2) + " " + pt(a2)
    d += " C " + pt(add(a2, u, -k)) + " " + pt(add(a1, u, -k)) + " " + pt(a1) + " Z"
    dw.path(d, drop_outside=drop_outside)


def limb(dw, start, angles, lengths, s, hand=False, foot=False):
    """A chain of strokes from start; returns the joint points."""
    pts = [start]
    for a, length in zip(angles, lengths):
        pts.append(step(pts[-1], a, length * s))
    if hand:
        dw.line(*pts[:-1])
        capsule(dw, pts[-2], pts[-1], 6 * s, drop_outside=True)
    else:
        dw.line(*pts)
    return pts


def reach(dw, start, target, l1, l2, side, end_angle, end_len, s, hand=True):
    """A two-segment limb from start whose middle joint bends to side (+1 or
    -1) so that its end lands on target, then a hand or foot at end_angle."""
    l1, l2 = l1 * s, l2 * s
    dx, dy = target[0] - start[0], target[1] - start[1]
    dist = min(math.hypot(dx, dy), l1 + l2 - 0.01)
    base = math.atan2(dy, dx)
    cos_a = (l1 * l1 + dist * dist - l2 * l2) / (2 * l1 * dist)
    ang = base + side * math.acos(max(-1.0, min(1.0, cos_a)))
    mid = (start[0] + l1 * math.cos(ang), start[1] + l1 * math.sin(ang))
    ux, uy = target[0] - mid[0], target[1] - mid[1]
    n = math.hypot(ux, uy) or 1
    end = (mid[0] + ux / n * l2, mid[1] + uy / n * l2)
    tip = step(end, end_angle, end_len * s)
    dw.line(start, mid, end)
    if hand:
        capsule(dw, end, tip, 6 * s)
    else:
        dw.line(end, tip)
    return [start, mid, end, tip]


def arm_to(dw, shoulder, target, side, hand_angle, s=1.0):
    return reach(dw, shoulder, target, UPPER_ARM, FOREARM, side, hand_angle, HAND, s)


def leg_to(dw, hip, target, side, foot_angle, s=1.0):
    return reach(dw, hip, target, THIGH, SHIN, side, foot_angle, FOOT, s, hand=False)


def side_figure(dw, hip, torso=180, bend=0, neck=None, arms=(), legs=(), s=1.0, face=90, cut=None):
    """A side-view figure. arms: (upper, forearm, hand) angles per arm; legs:
    (thigh, shin, foot) angles per leg; face: where the nose points."""
    if neck is None:
        neck = torso
    shoulder = step(hip, torso, TORSO * s)
    if cut is None:
        capsule(dw, step(hip, torso, -2 * s), step(shoulder, torso, 2 * s), TORSO_W * s, bend * s)
    else:
        # An upright bust cut off at y=cut: open at the bottom.
        w, top = TORSO_W * s / 2, shoulder[1] - 2 * s
        k = w * 4 / 3
        x = shoulder[0]
        dw.path("M %s %s L %s %s C %s %s %s %s %s %s L %s %s" % tuple(f(v) for v in (
            x - w, cut, x - w, top, x - w, top - k, x + w, top - k, x + w, top, x + w, cut)))
    head = step(shoulder, neck, (NECK + HEAD_R + 3) * s)
    dw.line(step(shoulder, neck, 3 * s), step(shoulder, neck, (NECK + 3) * s))
    dw.circle(head, HEAD_R * s)
    nose = step(head, face + 10, HEAD_R * s)
    dw.line(nose, step(nose, face + 25, 3.5 * s))
    joints = {"hip": hip, "shoulder": shoulder, "head": head, "arms": [], "legs": []}
    for arm in arms:
        joints["arms"].append(limb(dw, shoulder, arm, (UPPER_ARM, FOREARM, HAND), s, hand=True))
    for leg in legs:
        joints["legs"].append(limb(dw, hip, leg, (THIGH, SHIN, FOOT), s))
    return joints


def front_figure(dw, centre_hip, s=1.0, tilt=0, arms=((10, 5, 0), (-10, -5, 0)), legs=None,
                 back=False, cut=None):
    """A front (or back) view figure; centre_hip is the middle of the hips.
    arms/legs are (right-of-picture first) angle tuples; tilt leans the head."""
    x, y = centre_hip
    top = y - TORSO * s
    sw, hw = SHOULDERS * s / 2, HIPS * s / 2
    r = 7 * s
    d = "M %s %s L %s %s Q %s %s %s %s L %s %s Q %s %s %s %s Q %s %s %s %s Z" % tuple(
        f(v)
        for v in (
            x - hw, y,
            x - sw, top + r,
            x - sw, top, x - sw + r, top,
            x + sw - r, top,
            x + sw, top, x + sw, top + r,
            x, y + 3 * s, x - hw, y,
        )
    )
    # Straight hip line instead of the V when legs hang from it.
    d = "M %s %s L %s %s Q %s %s %s %s L %s %s Q %s %s %s %s L %s %s Z" % tuple(
        f(v)
        for v in (
            x - hw, y,
            x - sw, top + r,
            x - sw, top, x - sw + r, top,
            x + sw - r, top,
            x + sw, top, x + sw, top + r,
            x + hw, y,
        )
    )
    if cut is not None:
        # A bust cut off at y=cut: the sides run to the edge, no hip line.
        t = (cut - (top + r)) / (y - (top + r))
        xl = x - sw + (sw - hw) * t
        xr = x + sw - (sw - hw) * t
        d = "M %s %s L %s %s Q %s %s %s %s L %s %s Q %s %s %s %s L %s %s" % tuple(
            f(v) for v in (xl, cut, x - sw, top + r, x - sw, top, x - sw + r, top,
                           x + sw - r, top, x + sw, top, x + sw, top + r, xr, cut))
    dw.path(d)
    neck_base = (x, top)
    neck_top = step(neck_base, 180 + tilt, NECK * s)
    dw.line(neck_base, neck_top)
    head = step(neck_top, 180 + tilt, HEAD_R * s)
    dw.circle(head, HEAD_R * s)
    joints = {"head": head, "shoulders": [(x + sw - 1 * s, top + 3 * s), (x - sw + 1 * s, top + 3 * s)],
              "hips": [(x + hw * 0.6, y), (x - hw * 0.6, y)], "arms": [], "legs": []}
    for sh, arm in zip(joints["shoulders"], arms):
        joints["arms"].append(limb(dw, sh, arm, (UPPER_ARM, FOREARM, HAND), s, hand=True))
    if legs:
        for hp, (leg, lengths) in zip(joints["hips"], legs):
            joints["legs"].append(limb(dw, hp, leg, lengths, s))
    return joints


def floor(dw, y, x0=12, x1=228):
    dw.line((x0, y), (x1, y))


def chair(dw, x_back, seat_y, seat_w=40, back_h=42, floor_y=170, facing=1):
    """A side-view chair; the back post is at x_back, the seat reaches seat_w
    towards the facing side."""
    x_front = x_back + seat_w * facing
    dw.line((x_back, seat_y - back_h), (x_back, floor_y))
    dw.line((x_back, seat_y), (x_front, seat_y), (x_front, floor_y))


# --- the drawings -----------------------------------------------------------


def chin_tucks():
    dw = Drawing()
    s = 2.0
    # Standing with the back to a wall: the head glides back towards it.
    dw.line((60, 179), (60, 8))
    j = side_figure(dw, (104, 205), torso=180, s=s, cut=179)
    h = j["head"]
    dw.arrow((h[0] + 64, h[1] + 8), (h[0] + 34, h[1] + 8))
    return dw


def neck_side_stretch():
    dw = Drawing()
    s = 1.6
    j = front_figure(dw, (120, 196), s=s, tilt=-34, arms=((6, 4, 0), (-10, -6, 0)), cut=179)
    h = j["head"]
    dw.arrow((h[0] - 6, h[1] - 26), (h[0] + 26, h[1] + 2), curve=(h[0] + 18, h[1] - 26))
    sh = j["shoulders"][1]
    dw.arrow((sh[0] - 20, sh[1] + 6), (sh[0] - 24, sh[1] + 40))
    return dw


def doorway_chest_stretch():
    dw = Drawing()
    dw.line((40, 170), (40, 8), (56, 8), (56, 170))
    j = side_figure(dw, (96, 93), torso=172, s=1.0, face=95,
                    legs=[(28, 0, 90), (-14, -8, 90)])
    sh = j["shoulder"]
    arm_to(dw, sh, (57, sh[1] - 18), -1, 180)
    dw.arrow((sh[0] + 16, sh[1] + 16), (sh[0] + 42, sh[1] + 16))
    floor(dw, 172)
    return dw


def shoulder_blade_squeeze():
    dw = Drawing()
    s = 1.7
    front_figure(dw, (120, 192), s=s, back=True, arms=((40, 150, 170), (-40, -150, -170)), cut=179)
    x = 120
    top = 192 - TORSO * s
    dw.line((x, top + 8), (x, 179))
    dw.path("M %s %s Q %s %s %s %s" % tuple(f(v) for v in (x - 10, top + 14, x - 16, top + 30, x - 10, top + 46)))
    dw.path("M %s %s Q %s %s %s %s" % tuple(f(v) for v in (x + 10, top + 14, x + 16, top + 30, x + 10, top + 46)))
    dw.arrow((x - 44, top + 32), (x - 24, top + 32))
    dw.arrow((x + 44, top + 32), (x + 24, top + 32))
    return dw


def upper_back_extension():
    dw = Drawing()
    s = 1.2
    chair(dw, 70, 124, seat_w=54, back_h=44)
    j = side_figure(dw, (90, 118), torso=203, neck=218, bend=-4, s=s, face=125,
                    legs=[(90, 0, 90)])
    h, sh = j["head"], j["shoulder"]
    back_of_head = step(h, 125 + 180, HEAD_R * s * 0.6)
    arm_to(dw, sh, back_of_head, -1, -150, s)
    dw.arrow((sh[0] + 30, sh[1] - 2), (sh[0] + 4, sh[1] - 40), curve=(sh[0] + 28, sh[1] - 34))
    floor(dw, 172)
    return dw


def lying(s):
    """The hip point of a figure lying on its back, head to the left."""
    return (118 + 10 * s, 166 - 9 * s)


def knee_to_chest():
    dw = Drawing()
    s = 1.25
    j = side_figure(dw, lying(s), torso=-90, s=s, face=180,
                    legs=[(90, 90, 180)])
    leg = limb(dw, j["hip"], (218, 75, 165), (THIGH, SHIN, FOOT), s)
    k = leg[1]
    arm_to(dw, j["shoulder"], (k[0] + 6, k[1] + 6), 1, 120, s)
    dw.arrow((k[0] + 40, k[1] - 4), (k[0] + 10, k[1] - 26), curve=(k[0] + 36, k[1] - 28))
    floor(dw, 166)
    return dw


def cat_cow():
    dw = Drawing()
    s = 1.5
    fl = 160
    hip = (160, fl - 5 - THIGH * s)
    j = side_figure(dw, hip, torso=-112, bend=-9, neck=-62, s=s, face=-10,
                    legs=[(0, 90, 90)])
    sh = j["shoulder"]
    arm_to(dw, sh, (sh[0] - 2, fl - 4), 1, -90, s)
    mid = ((hip[0] + sh[0]) / 2, (hip[1] + sh[1]) / 2)
    dw.arrow((mid[0] - 8, mid[1] - 26), (mid[0] - 8, mid[1] - 52))
    dw.arrow((mid[0] + 8, mid[1] - 52), (mid[0] + 8, mid[1] - 26))
    floor(dw, fl)
    return dw


def figure_four():
    dw = Drawing()
    s = 1.2
    fl = 170
    # A stool seen from the front.
    dw.line((84, 122), (156, 122))
    dw.line((90, 122), (90, fl))
    dw.line((150, 122), (150, fl))
    hip_y = 114
    j = front_figure(dw, (120, hip_y), s=s, arms=())
    right_hip, left_hip = (127, hip_y), (113, hip_y)
    # Supporting leg: thigh towards the viewer, shin straight down.
    knee = (131, hip_y + 12)
    dw.line(right_hip, knee, (131, fl - 1), (141, fl - 1))
    # Crossed leg: knee out to the side, ankle resting on the other knee.
    cknee = (64, hip_y - 2)
    dw.line(left_hip, cknee, (134, knee[1] - 5), (144, knee[1] - 8))
    sh_r, sh_l = j["shoulders"]
    arm_to(dw, sh_l, (cknee[0] + 10, cknee[1] - 4), -1, -110, s)
    arm_to(dw, sh_r, (130, knee[1] - 12), 1, -150, s)
    dw.arrow((cknee[0] + 2, cknee[1] - 44), (cknee[0] + 2, cknee[1] - 16))
    floor(dw, fl)
    return dw


def hip_flexor_lunge():
    dw = Drawing()
    s = 1.25
    fl = 170
    hip = (100, fl - THIGH * s * math.cos(math.radians(22)))
    j = side_figure(dw, hip, torso=180, s=s,
                    legs=[(-22, -90, 180)])
    leg_to(dw, hip, (hip[0] + 46, fl - 1), -1, 90, s)
    arm_to(dw, j["shoulder"], (hip[0] + 4, hip[1] - 6), 1, 120, s)
    dw.arrow((hip[0] + 10, hip[1] - 22), (hip[0] + 40, hip[1] - 22))
    floor(dw, fl)
    return dw


def hamstring_stretch():
    dw = Drawing()
    s = 1.2
    j = side_figure(dw, lying(s), torso=-90, s=s, face=180, legs=[(90, 90, 180)])
    leg = limb(dw, j["hip"], (168, 168, -110), (THIGH, SHIN, FOOT), s)
    foot = leg[2]
    arms = arm_to(dw, j["shoulder"], (j["hip"][0] - 22, j["hip"][1] - 44), 1, 150, s)
    dw.line(arms[3], (foot[0] - 4, foot[1] - 4), (foot[0] + 6, foot[1] - 2))
    knee = leg[1]
    dw.arrow((knee[0] + 26, knee[1] + 8), (knee[0] + 14, knee[1] - 28), curve=(knee[0] + 30, knee[1] - 16))
    floor(dw, 166)
    return dw


def wall_calf_stretch():
    dw = Drawing()
    s = 1.05
    fl = 172
    dw.line((200, fl), (200, 8))
    hip = (128, 104)
    j = side_figure(dw, hip, torso=155, s=s)
    leg_to(dw, hip, (60, fl - 1), 1, 95, s)
    leg_to(dw, hip, (168, fl - 1), -1, 90, s)
    arm_to(dw, j["shoulder"], (199, j["shoulder"][1] - 6), -1, 180, s)
    dw.arrow((72, 122), (80, 152), curve=(66, 146))
    floor(dw, fl)
    return dw


def mitten(dw, wrist, angle, length, width, thumb):
    """A large hand: a rounded outline from the wrist with finger lines, and a
    thumb on the thumb side (+1 or -1 of the hand's direction)."""
    tip = step(wrist, angle, length)
    capsule(dw, wrist, tip, width)
    for off in (-0.25, 0, 0.25):
        a = step(step(wrist, angle, length * 0.55), angle + 90, width * off)
        dw.line(a, step(a, angle, length * 0.45 + abs(off) * -6))
    base = step(step(wrist, angle, length * 0.15), angle + 90 * thumb, width * 0.5)
    dw.line(base, step(base, angle + 45 * thumb, length * 0.45))


def forearm(dw, start, wrist, width):
    """A forearm as two sides, open at start (the picture's edge)."""
    dx, dy = wrist[0] - start[0], wrist[1] - start[1]
    n = math.hypot(dx, dy)
    nv = (-dy / n, dx / n)
    for k in (1, -1):
        dw.line(add(start, nv, k * width / 2), add(wrist, nv, k * width / 2))


def wrist_flexor_stretch():
    """Close-up: forearm straight ahead, palm facing away, fingers up; the
    other hand draws the fingers back towards the body."""
    dw = Drawing()
    wrist = (136, 118)
    forearm(dw, (0, 118), (wrist[0] - 6, wrist[1]), 22)
    mitten(dw, wrist, 180, 62, 28, -1)
    helper = (188, 104)
    forearm(dw, (240, 178), step(helper, 215, 6), 22)
    mitten(dw, helper, 215, 62, 26, 1)
    dw.arrow((170, 34), (124, 24), curve=(150, 12))
    return dw


def wrist_extensor_stretch():
    """Close-up: forearm straight ahead, palm down, fingers pointing to the
    floor; the other hand presses the back of the hand towards the body."""
    dw = Drawing()
    wrist = (136, 62)
    forearm(dw, (0, 62), (wrist[0] - 6, wrist[1]), 22)
    mitten(dw, wrist, 0, 62, 28, 1)
    helper = (188, 80)
    forearm(dw, (240, 6), step(helper, -35, 6), 22)
    mitten(dw, helper, -35, 62, 26, -1)
    dw.arrow((188, 150), (142, 162), curve=(170, 172))
    return dw


def desk_posture_breaks():
    dw = Drawing()
    dw.line((130, 104), (226, 104))
    dw.line((216, 104), (216, 172))
    dw.rounded_rect(186, 54, 32, 26, 3)
    dw.line((202, 80), (202, 104))
    dw.line((192, 104), (212, 104))
    chair(dw, 66, 124, seat_w=44, back_h=44)
    side_figure(dw, (84, 116), torso=180, s=1.0, arms=[(15, 90, 90)], legs=[(90, 0, 90)])
    # A small clock: get up and move every half hour or so.
    dw.circle((34, 40), 18, accent=True)
    dw.line((34, 28), (34, 40), (43, 46), accent=True)
    floor(dw, 172)
    return dw


def heat_and_ice():
    dw = Drawing()
    # Hot-water bottle: neck, shoulders, body, ribs.
    dw.path("M 52 52 L 52 62 Q 30 64 30 84 L 30 150 Q 30 164 44 164 L 80 164 "
            "Q 94 164 94 150 L 94 84 Q 94 64 72 62 L 72 52")
    dw.rounded_rect(48, 40, 28, 12, 3)
    for y in (96, 112, 128):
        dw.path("M 44 %d L 80 %d" % (y, y))
    for x in (46, 62, 78):
        dw.path("M %d 32 Q %d 26 %d 20 Q %d 14 %d 8" % (x, x + 6, x, x - 6, x), accent=True)
    # Ice pack with cubes.
    dw.rounded_rect(136, 70, 84, 94, 12)
    for (x, y) in ((150, 86), (178, 82), (156, 118), (188, 112), (170, 138)):
        dw.rounded_rect(x, y, 18, 18, 3)
    cx, cy = 178, 38
    for a in (0, 60, 120):
        for sign in (1, -1):
            p = step((cx, cy), a + (0 if sign > 0 else 180), 16)
            dw.line((cx, cy), p)
            dw.line(step(p, a + (0 if sign > 0 else 180) + 150, 6), p,
                    step(p, a + (0 if sign > 0 else 180) - 150, 6))
    return dw


def massage_what_to_expect():
    dw = Drawing()
    dw.line((16, 124), (164, 124))
    dw.line((26, 124), (26, 172))
    dw.line((154, 124), (154, 172))
    # Client lying face down, head at the right.
    side_figure(dw, (72, 114), torso=90, s=1.0, face=0,
                arms=[(-86, -90, -90)], legs=[(-90, -90, 180)])
    # Therapist at the head of the table, hands on the client's upper back.
    j = side_figure(dw, (206, 96), torso=196, s=1.0, face=-40, neck=212)
    leg_to(dw, (206, 96), (196, 171), -1, -90)
    leg_to(dw, (206, 96), (212, 171), -1, -90)
    arm_to(dw, j["shoulder"], (126, 107), 1, -90)
    floor(dw, 172)
    return dw


def shoulder_rolls():
    dw = Drawing()
    s = 1.7
    j = front_figure(dw, (120, 200), s=s, cut=179)
    for sx, sign in ((j["shoulders"][0][0], 1), (j["shoulders"][1][0], -1)):
        y = j["shoulders"][0][1] - 26
        dw.arrow((sx - 14 * sign, y + 8), (sx + 14 * sign, y + 8), curve=(sx, y - 18))
    return dw


def pelvic_tilt():
    dw = Drawing()
    s = 1.25
    j = side_figure(dw, lying(s), torso=-90, s=s, face=180, arms=[(84, 90, 90)])
    h = j["hip"]
    limb(dw, h, (140, 20, 90), (THIGH, SHIN, FOOT), s)
    dw.arrow((h[0] - 30, h[1] - 14), (h[0] - 2, h[1] - 20), curve=(h[0] - 16, h[1] - 32))
    floor(dw, 166)
    return dw


DRAWINGS = {
    "chin-tucks": chin_tucks,
    "neck-side-stretch": neck_side_stretch,
    "doorway-chest-stretch": doorway_chest_stretch,
    "shoulder-blade-squeeze": shoulder_blade_squeeze,
    "shoulder-rolls": shoulder_rolls,
    "upper-back-extension": upper_back_extension,
    "knee-to-chest": knee_to_chest,
    "cat-cow": cat_cow,
    "pelvic-tilt": pelvic_tilt,
    "figure-four-stretch": figure_four,
    "hip-flexor-lunge": hip_flexor_lunge,
    "hamstring-stretch": hamstring_stretch,
    "wall-calf-stretch": wall_calf_stretch,
    "wrist-flexor-stretch": wrist_flexor_stretch,
    "wrist-extensor-stretch": wrist_extensor_stretch,
    "desk-posture-breaks": desk_posture_breaks,
    "heat-and-ice": heat_and_ice,
    "massage-what-to-expect": massage_what_to_expect,
}


def main():
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for slug, fn in DRAWINGS.items():
        with open(os.path.join(here, slug + ".svg"), "w") as out:
            out.write(fn().svg())


if __name__ == "__main__":
    main()
